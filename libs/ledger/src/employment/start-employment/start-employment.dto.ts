import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';
import { WAGE_BASES, type WageBasis } from '../employment.events';

export class StartEmploymentRequest {
  @IsLedgerText({ max: 60, example: 'entity-…' })
  entityId!: string;

  @IsLedgerText({ max: 60, example: 'household-…' })
  householdId!: string;

  /** The household member who works (one household may have several workers). */
  @IsLedgerText({ max: 50, example: '张三' })
  workerName!: string;

  @IsLedgerDate()
  startsOn!: string;

  @IsIn(WAGE_BASES)
  @ApiProperty({ enum: WAGE_BASES })
  wageBasis!: WageBasis;

  @IsFen({ description: 'Wage per month, per day or per piece, in fen' })
  rateFen!: number;
}
