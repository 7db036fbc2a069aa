import { IsOptional } from 'class-validator';
import { IsLedgerDate, IsLedgerInstant } from '../../http/validators';
import { QueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/households/{id}/statement`. */
export class GetStatementRequest extends QueryOptions {
  /** First payment date shown (inclusive). */
  @IsOptional()
  @IsLedgerDate(undefined, { required: false, description: 'first paidOn shown (inclusive)' })
  from?: string;

  /** Last payment date shown (inclusive). */
  @IsOptional()
  @IsLedgerDate(undefined, { required: false, description: 'last paidOn shown (inclusive)' })
  to?: string;

  /** The ledger as it stood at this instant: later payments absent, later reversals not counted. */
  @IsOptional()
  @IsLedgerInstant(undefined, { required: false, example: '2018-07-01T09:30:00+08:00' })
  asOf?: string;
}
