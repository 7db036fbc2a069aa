import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';
import { ACKNOWLEDGEMENT_METHODS, type AcknowledgementMethod } from '../../acknowledgements/acknowledgement.events';

export class AcknowledgeStatementRequest {
  /** The statement's last day (its `to`), as printed on the card. */
  @IsLedgerDate()
  through!: string;

  /** The card's total up to `through`; must equal the ledger's now (0 allowed). */
  @IsFen({ allowZero: true, description: 'The total the household saw, in fen; 0 allowed' })
  totalFen!: number;

  @IsIn(ACKNOWLEDGEMENT_METHODS, { message: `method must be one of: ${ACKNOWLEDGEMENT_METHODS.join(', ')}` })
  @ApiProperty({ enum: ACKNOWLEDGEMENT_METHODS })
  method!: AcknowledgementMethod;

  @IsLedgerDate()
  acknowledgedOn!: string;

  /** `true`: something is wrong (有问题): opens a grievance a clerk must answer. */
  @IsOptional()
  @IsBoolean({ message: 'disputed must be true or false' })
  @ApiPropertyOptional({ type: 'boolean' })
  disputed?: boolean;

  @IsOptional()
  @IsLedgerText({ max: 2000, lineBreaks: true, required: false, example: '2018年下半年的分红没有收到。' })
  comment?: string;
}
