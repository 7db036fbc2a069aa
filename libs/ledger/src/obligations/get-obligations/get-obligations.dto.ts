import { IsOptional } from 'class-validator';
import { IsLedgerDate, IsLedgerInstant } from '../../http/validators';
import { PagedQueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/entities/{id}/obligations`; without `limit` every item is listed (and the CSV holds them all). */
export class GetObligationsRequest extends PagedQueryOptions {
  /** The ledger as it stood at this instant (ISO 8601 with offset); default now. */
  @IsOptional()
  @IsLedgerInstant(undefined, { required: false, example: '2018-12-31T23:59:59+08:00' })
  asOf?: string;

  /** List what falls due on or before this date; default the date of `asOf` in China (UTC+8). */
  @IsOptional()
  @IsLedgerDate(undefined, { required: false, example: '2018-12-31' })
  dueBy?: string;
}
