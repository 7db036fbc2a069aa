import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLedgerDate, IsLedgerInstant, IsPlaceFilter } from '../../http/validators';
import { PagedQueryOptions } from '../../http/query-options.dto';
import { IsListSort } from '../../common/list-sort';
import { ARREARS_KINDS, ARREARS_SORTS } from './arrears';

/** Query string of `GET /v1/audit/arrears`. */
export class GetArrearsRequest extends PagedQueryOptions {
  /** The county (县区) whose entities are listed; every county without it. */
  @IsPlaceFilter('英山县')
  county?: string;

  /** Only the entities of this township (乡镇). */
  @IsPlaceFilter('城关镇')
  township?: string;

  /** Only obligations of this kind (the arrears' form): `dividend`, `rent`, `guarantee` (shortfall), `distribution`. */
  @IsOptional()
  @IsIn(ARREARS_KINDS, { message: `kind must be one of ${ARREARS_KINDS.join(', ')}` })
  @ApiPropertyOptional({ enum: ARREARS_KINDS })
  kind?: (typeof ARREARS_KINDS)[number];

  /** The ledger as it stood at this instant (ISO 8601 with offset); default now (a next page: the first page's). */
  @IsOptional()
  @IsLedgerInstant(undefined, { required: false, example: '2018-12-31T23:59:59+08:00' })
  asOf?: string;

  /** Count what falls due on or before this date; default the date of `asOf` in China (UTC+8). */
  @IsOptional()
  @IsLedgerDate(undefined, { required: false, example: '2018-12-31' })
  dueBy?: string;

  /** `-outstanding` (default: the largest first), `outstanding`, `entity` (name), `oldestDue`; `-` descending. The CSV follows it. */
  @ApiPropertyOptional({
    description: 'Sort key; a leading `-` sorts descending. Ties are broken by entity name, then id, both ascending.',
  })
  @IsListSort(ARREARS_SORTS)
  sort?: string;
}
