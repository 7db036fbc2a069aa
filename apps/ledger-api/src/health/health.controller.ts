import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Database } from '@ledger/runtime';
import { ProjectionsHost, Public, type ProjectionStatus } from '@ledger/ledger';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  projections: ProjectionStatus[];
}

/** `GET /health`: 200 once the service can serve, 503 (same shape) while it cannot. No token needed. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const up = await this.database.isUp();
    const projections = up ? await this.projections.status().catch(() => []) : [];
    response.status(up ? 200 : 503);
    return { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', projections };
  }
}
