import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLedgerText } from '../../http/validators';

/** Query string of `POST /v1/reconciliations` (the bank's file is the multipart field `file`). */
export class ReconcileBankFileRequest {
  /** The township whose payments the bank's file is matched against (乡镇). */
  @IsLedgerText({ max: 50, example: '城关镇' })
  township!: string;

  /** `returns`: record a return (退回) for every matched 退回 row not yet returned. Without it nothing but the reconciliation is recorded. */
  @IsOptional()
  @IsIn(['returns'], { message: 'apply must be returns' })
  @ApiPropertyOptional({ enum: ['returns'] })
  apply?: 'returns';

  @IsOptional()
  @IsIn(['zh', 'en'])
  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  lang?: 'zh' | 'en';
}
