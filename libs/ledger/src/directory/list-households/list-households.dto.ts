import { IsLedgerText } from '../../http/validators';
import { IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsListSort } from '../../common/list-sort';

/** What the register can be sorted by: the head's name, the registration number, the village, the total received. */
export const HOUSEHOLD_SORTS = ['name', 'registrationNo', 'village', 'received'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];

/** Query string of `GET /v1/households`. */
export class ListHouseholdsRequest extends PagedQueryOptions {
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  township?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  village?: string;

  /** Part of the head's name or of the registration number. */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  q?: string;

  /** `registrationNo` (default), `name`, `village` (then registration number), `received` (total received); `-` descending. */
  @IsListSort(HOUSEHOLD_SORTS)
  sort?: string;
}
