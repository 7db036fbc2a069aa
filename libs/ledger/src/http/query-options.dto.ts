import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Query-string options every read accepts. Query DTOs extend this class. */
export class QueryOptions {
  /** Answer only once the read model has caught up to this ledger position (at most 5 s, then 503). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
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
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
