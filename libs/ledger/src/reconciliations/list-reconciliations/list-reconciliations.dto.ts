import { IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsLedgerText } from '../../http/validators';

/** Query string of `GET /v1/reconciliations`. */
export class ListReconciliationsRequest extends PagedQueryOptions {
  /** One township's reconciliations; every township the caller may read without it. */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false, example: '城关镇' })
  township?: string;
}
