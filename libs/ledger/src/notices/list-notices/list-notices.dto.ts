import { IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsLedgerText } from '../../http/validators';

/** Query string of `GET /v1/notices`. */
export class ListNoticesRequest extends PagedQueryOptions {
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  township?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  village?: string;
}
