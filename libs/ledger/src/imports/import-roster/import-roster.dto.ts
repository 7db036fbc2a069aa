import { IsLedgerText } from '../../http/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, NotEquals } from 'class-validator';
import { idPattern } from '../../common/id-pattern';
import { IMPORT_KINDS, type ImportKind } from '../import-kinds';
import { GUIDE_SHEET } from '../roster-example';

/** Query string of `POST /v1/imports` (the roster itself is the multipart field `file`). */
export class ImportRosterRequest {
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  @ApiProperty({ enum: IMPORT_KINDS })
  kind!: ImportKind;

  /** `true`: validate every row and write nothing. Default `false`. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  dryRun?: 'true' | 'false';

  /** The entity: for `wages`, `rents`, `employments`, `purchases`, `stakes` and `leases`. */
  @IsOptional()
  @Matches(idPattern('entity'), { message: 'entityId must be an entity id (entity-…)' })
  @ApiPropertyOptional()
  entityId?: string;

  /** The dividend declaration paid: for `dividends`. */
  @IsOptional()
  @Matches(idPattern('dividend'), { message: 'declarationId must be a dividend declaration id (dividend-…)' })
  @ApiPropertyOptional()
  declarationId?: string;

  /** The village collective's distribution paid (二次分配): for `distributions`. */
  @IsOptional()
  @Matches(idPattern('distribution'), { message: 'distributionId must be a distribution id (distribution-…)' })
  @ApiPropertyOptional()
  distributionId?: string;

  /** xlsx: the sheet to read (the first one otherwise); never the template's example sheet "填写说明". */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false })
  @NotEquals(GUIDE_SHEET, { message: `sheet must not be the template's example sheet ${GUIDE_SHEET}` })
  sheet?: string;

  @IsOptional()
  @IsIn(['zh', 'en'])
  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  lang?: 'zh' | 'en';
}
