import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

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
