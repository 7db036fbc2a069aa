import { IsLedgerText } from '../../http/validators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ENTITY_KINDS, type EntityKind } from '../entity.events';

export class RegisterEntityRequest {
  @IsLedgerText({ max: 100 })
  name!: string;

  @IsIn(ENTITY_KINDS)
  kind!: EntityKind;

  /** Unified social credit code (统一社会信用代码): 18 characters, digits and capital letters. */
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'creditCode must be an 18-character unified social credit code',
  })
  @ApiPropertyOptional({ example: '91421127MA4ABCDE1X' })
  creditCode?: string;

  @IsLedgerText({ max: 50 })
  township!: string;

  @IsLedgerText({ max: 50 })
  county!: string;
}
