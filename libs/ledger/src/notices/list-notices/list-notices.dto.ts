import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsPlaceFilter, IsYearFilter } from '../../http/validators';
import { IsListSort } from '../../common/list-sort';

/** What the notices can be sorted by: opening date, village, total amount, open objections. */
export const NOTICE_SORTS = ['opensOn', 'village', 'total', 'openObjections'] as const;
export type NoticeSort = (typeof NOTICE_SORTS)[number];

/** Query string of `GET /v1/notices`. */
export class ListNoticesRequest extends PagedQueryOptions {
  @IsPlaceFilter('城关镇')
  township?: string;

  @IsPlaceFilter('石头村')
  village?: string;

  /** Only the notices that opened (were posted) in this calendar year. */
  @IsYearFilter()
  year?: number;

  /** `-opensOn` (default: the latest first), `opensOn`, `village`, `total`, `openObjections`; `-` descending. */
  @IsListSort(NOTICE_SORTS)
  sort?: string;
}
