import type { SchemaObject } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryInteger } from '../http/validators';

/** `GET /v1/audit/seals?after=&limit=`: a page of published seals, oldest first. */
export class ListSealsRequest {
  /** Seals after this seal id (the last `sealId` of the previous page). */
  @IsOptional()
  @IsQueryInteger(0, Number.MAX_SAFE_INTEGER)
  after?: number;

  /** Seals per page (1,000 by default). */
  @IsOptional()
  @IsQueryInteger(1, 1000)
  limit?: number;
}

/** A seal as `POST /v1/audit/seals` answers it (the published list adds `algorithm`). */
export const SEAL_MADE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['sealId', 'root', 'fromPosition', 'toPosition', 'sealedAt'],
  properties: {
    sealId: { type: 'integer' },
    root: { type: 'string', description: 'sha256 Merkle root, lowercase hex' },
    fromPosition: { type: 'integer' },
    toPosition: { type: 'integer' },
    sealedAt: { type: 'string', format: 'date-time' },
  },
};
