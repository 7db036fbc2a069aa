import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsPlaceFilter, IsYearFilter } from '../../http/validators';
import { IsListSort } from '../../common/list-sort';

/** What the reconciliations can be sorted by: when recorded, township, rows, unmatched (bank rows and payments). */
export const RECONCILIATION_SORTS = ['recorded', 'township', 'rows', 'unmatched'] as const;
export type ReconciliationSort = (typeof RECONCILIATION_SORTS)[number];

/** Query string of `GET /v1/reconciliations`. */
export class ListReconciliationsRequest extends PagedQueryOptions {
  /** One township's reconciliations; every township the caller may read without it. */
  @IsPlaceFilter('城关镇')
  township?: string;

  /** Only the bank files of this calendar year (the year of the statement's first date). */
  @IsYearFilter()
  year?: number;

  /** `-recorded` (default: the newest first), `recorded`, `township`, `rows`, `unmatched`; `-` descending. */
  @IsListSort(RECONCILIATION_SORTS)
  sort?: string;
}
