import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QueryOptions } from '../http/query-options.dto';
import { IsLedgerDate } from '../http/validators';
import type { CoverageLevel } from './coverage.view';

/** Query string of `GET /v1/audit/coverage`. */
export class CoverageRequest extends QueryOptions {
  /** Rows per county, township or village (default village). */
  @IsOptional()
  @IsIn(['county', 'township', 'village'])
  level?: CoverageLevel;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  county?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  township?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  village?: string;

  /** Linkages active on this date count as coverage (default today, China time). */
  @IsOptional()
  @IsLedgerDate()
  on?: string;

  /** Year whose payments are totalled (default the year of `on`). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
