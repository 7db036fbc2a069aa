import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsListSort } from '../../common/list-sort';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsLedgerText, IsPlaceFilter, IsYearFilter } from '../../http/validators';

/**
 * What the loan book can be sorted by: overdue ones first then by maturity (the default), date of
 * issue, borrower's name, principal, principal outstanding, maturity.
 */
export const LOAN_BOOK_SORTS = [
  'overdueFirst',
  'issuedOn',
  'household',
  'principal',
  'outstanding',
  'maturesOn',
] as const;
export type LoanBookSort = (typeof LOAN_BOOK_SORTS)[number];

export const LOAN_STATUSES = ['active', 'overdue', 'repaid'] as const;

/** Query string of `GET /v1/audit/loans`. */
export class LoanBookRequest extends PagedQueryOptions {
  /** The county (县区) whose loans are listed; every county the caller may read without it. */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  @ApiPropertyOptional({ example: '英山县' })
  county?: string;

  /** Only the loans of borrowers in this township (乡镇). */
  @IsPlaceFilter('城关镇')
  township?: string;

  /** Only the loans of borrowers in this village (村). */
  @IsPlaceFilter('石头村')
  village?: string;

  /** Only the loans standing so today. */
  @IsOptional()
  @IsIn(LOAN_STATUSES, { message: `status must be one of ${LOAN_STATUSES.join(', ')}` })
  @ApiPropertyOptional({ enum: LOAN_STATUSES })
  status?: (typeof LOAN_STATUSES)[number];

  /** Only the loans disbursed in this calendar year. */
  @IsYearFilter()
  year?: number;

  /** `overdueFirst` (default), `issuedOn`, `household`, `principal`, `outstanding`, `maturesOn`; `-` descending. */
  @IsListSort(LOAN_BOOK_SORTS)
  sort?: string;
}
