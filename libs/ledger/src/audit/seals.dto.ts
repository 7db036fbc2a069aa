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
