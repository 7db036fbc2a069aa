import { IsLedgerText, IsPlaceFilter } from '../../http/validators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsListSort } from '../../common/list-sort';

/** What the register can be sorted by: the head's name, the registration number, the village, the total received. */
export const HOUSEHOLD_SORTS = ['name', 'registrationNo', 'village', 'received'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];

/** The linkage forms the register can be narrowed to (the statement's `byForm` words). */
export const HOUSEHOLD_FORMS = ['equity', 'lease', 'labour', 'order'] as const;
export type HouseholdForm = (typeof HOUSEHOLD_FORMS)[number];

/** Query string of `GET /v1/households`. */
export class ListHouseholdsRequest extends PagedQueryOptions {
  @IsPlaceFilter('英山县')
  county?: string;

  @IsPlaceFilter('城关镇')
  township?: string;

  @IsPlaceFilter('石头村')
  village?: string;

  /**
   * Only households holding a linkage of this form, ended ones included: `equity` (a stake), `lease`
   * (land leased out), `labour` (a member employed), `order` (produce bought under contract).
   */
  @IsOptional()
  @IsIn(HOUSEHOLD_FORMS, { message: `form must be one of ${HOUSEHOLD_FORMS.join(', ')}` })
  @ApiPropertyOptional({ enum: HOUSEHOLD_FORMS })
  form?: HouseholdForm;

  /** Part of the head's name or of the registration number. */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  q?: string;

  /** `registrationNo` (default), `name`, `village` (then registration number), `received` (total received); `-` descending. */
  @IsListSort(HOUSEHOLD_SORTS)
  sort?: string;
}
