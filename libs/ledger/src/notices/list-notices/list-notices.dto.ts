import { IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsLedgerText } from '../../http/validators';
import { IsListSort } from '../../common/list-sort';

/** What the notices can be sorted by: opening date, village, total amount, open objections. */
export const NOTICE_SORTS = ['opensOn', 'village', 'total', 'openObjections'] as const;
export type NoticeSort = (typeof NOTICE_SORTS)[number];

/** Query string of `GET /v1/notices`. */
export class ListNoticesRequest extends PagedQueryOptions {
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  township?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  village?: string;

  /** `-opensOn` (default: the latest first), `opensOn`, `village`, `total`, `openObjections`; `-` descending. */
  @IsListSort(NOTICE_SORTS)
  sort?: string;
}
