import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';
import { WAGE_BASES, type WageBasis } from '../employment.events';

export class StartEmploymentRequest {
  @IsString()
  @Length(1, 60)
  @ApiProperty({ example: 'entity-…' })
  entityId!: string;

  @IsString()
  @Length(1, 60)
  @ApiProperty({ example: 'household-…' })
  householdId!: string;

  /** The household member who works (one household may have several workers). */
  @IsString()
  @Length(1, 50)
  @ApiProperty({ example: '张三' })
  workerName!: string;

  @IsLedgerDate()
  startsOn!: string;

  @IsIn(WAGE_BASES)
  @ApiProperty({ enum: WAGE_BASES })
  wageBasis!: WageBasis;

  @IsFen({ description: 'Wage per month, per day or per piece, in fen' })
  rateFen!: number;
}
