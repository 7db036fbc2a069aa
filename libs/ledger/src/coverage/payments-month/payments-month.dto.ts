import { IsOptional } from 'class-validator';
import { QueryOptions } from '../../http/query-options.dto';
import { IsLedgerMonth, IsLedgerText } from '../../http/validators';

/** Query string of `GET /v1/audit/payments-month`. */
export class PaymentsMonthRequest extends QueryOptions {
  /** `YYYY-MM` (default this month, China time). */
  @IsOptional()
  @IsLedgerMonth()
  month?: string;

  /** Only this county's households (a clerk always sees its townships). */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  county?: string;
}
