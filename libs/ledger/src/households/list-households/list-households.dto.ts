import { IsLedgerText } from '../../http/validators';
import { IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/households`. */
export class ListHouseholdsRequest extends PagedQueryOptions {
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  township?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  village?: string;

  /** Part of the head's name or of the registration number. */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  q?: string;
}
