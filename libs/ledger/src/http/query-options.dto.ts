import { IsIn, IsOptional } from 'class-validator';
import { IsLedgerText, IsQueryInteger } from './validators';

/** Query-string options every read accepts. Query DTOs extend this class. */
export class QueryOptions {
  /** Answer only once the read model has caught up to this ledger position (at most 5 s, then 503). */
  @IsOptional()
  @IsQueryInteger(0, Number.MAX_SAFE_INTEGER)
  minPosition?: number;

  /** Language of text for people: Chinese by default. */
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}

/** Query-string options of a list read a page at a time. */
export class PagedQueryOptions extends QueryOptions {
  /** Items per page. */
  @IsOptional()
  @IsQueryInteger(1, 500)
  limit?: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsLedgerText({ max: 1000, required: false })
  cursor?: string;
}
