import { IsIn, IsOptional } from 'class-validator';
import { QueryOptions } from '../http/query-options.dto';
import { IsLedgerDate, IsLedgerText, IsQueryInteger } from '../http/validators';
import type { CoverageLevel } from './coverage.view';

/** Query string of `GET /v1/audit/coverage`. */
export class CoverageRequest extends QueryOptions {
  /** Rows per county, township or village (default village). */
  @IsOptional()
  @IsIn(['county', 'township', 'village'])
  level?: CoverageLevel;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  county?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  township?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  village?: string;

  /** Linkages active on this date count as coverage (default today, China time). */
  @IsOptional()
  @IsLedgerDate()
  on?: string;

  /** Year whose payments are totalled (default the year of `on`). */
  @IsOptional()
  @IsQueryInteger(1949, 2100)
  year?: number;
}
