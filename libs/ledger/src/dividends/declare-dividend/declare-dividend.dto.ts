import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerPeriod } from '../../http/validators';

/** A dividend declaration as the entity's board or the village resolves it. */
export class DeclareDividendRequest {
  /** The period the dividend is for: `2018`, `2018-H1`, `2018-Q3`, `2018-07`. */
  @IsLedgerPeriod()
  period!: string;

  @IsLedgerDate()
  declaredOn!: string;

  /** Stakes active on this date take part (股权登记日). */
  @IsLedgerDate()
  recordDate!: string;

  /** Amount to split over the active stakes in proportion to shares; without it, guaranteed dividends are allocated. */
  @ApiPropertyOptional({ required: false })
  @ValidateIf((o: DeclareDividendRequest) => o.poolFen !== undefined)
  @IsFen({ description: 'Dividend pool to split pro-rata by shares, in fen' })
  poolFen?: number;

  /**
   * A second declaration for a period that already has one (补充分红). Without it, declaring a period
   * again is refused, since it would allocate the same dividend twice.
   */
  @ApiPropertyOptional({ required: false })
  @IsOptional()
  @IsBoolean()
  supplementary?: boolean;
}
