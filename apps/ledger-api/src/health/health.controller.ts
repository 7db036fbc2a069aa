import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { Database } from '@ledger/runtime';
import { LedgerQuery, ProjectionsHost, Public, type ProjectionStatus } from '@ledger/ledger';

export interface HealthReport {
  /** `degraded`: the database is up but a read model is parked (named in `parked`). */
  status: 'ok' | 'degraded' | 'unavailable';
  database: 'up' | 'down';
  projections: ProjectionStatus[];
  /** The parked read models' names, when any. */
  parked?: string[];
}

const HEALTH_REPORT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'database', 'projections'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'unavailable'] },
    database: { type: 'string', enum: ['up', 'down'] },
    projections: { type: 'array', items: { type: 'object' } },
    parked: { type: 'array', items: { type: 'string' } },
  },
};

/**
 * `GET /health`: 200 once the service can serve, 503 (same shape) while it cannot: the database is
 * down, or a read model is parked on an event it cannot apply (it would otherwise stall silently
 * while its queries fall ever further behind). No token needed.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  @Public()
  @LedgerQuery({
    summary: 'Health',
    public: true,
    // 400: like every route, it refuses a query parameter it does not know (or a bad `lang`).
    without: [404],
    view: HEALTH_REPORT_SCHEMA,
    unavailable:
      'The service cannot serve (`status: unavailable`) or a read model is parked (`degraded`, named in `parked`).',
  })
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const up = await this.database.isUp();
    const projections = up ? await this.projections.status().catch(() => []) : [];
    const parked = projections.filter((p) => p.status === 'parked').map((p) => p.name);
    const status = !up ? 'unavailable' : parked.length > 0 ? 'degraded' : 'ok';
    response.status(status === 'ok' ? 200 : 503);
    return { status, database: up ? 'up' : 'down', projections, ...(parked.length > 0 && { parked }) };
  }
}
