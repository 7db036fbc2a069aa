import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsLedgerDate, IsLedgerText } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';

export class TransferStakeRequest {
  /** The household newly in need that takes over the shares. */
  @Matches(idPattern('household'), { message: 'toHouseholdId must be a household id (household-…)' })
  @ApiProperty({ example: 'household-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  toHouseholdId!: string;

  /** First day the new household holds the shares; the old holder's stake ends the day before. */
  @IsLedgerDate()
  effectiveOn!: string;

  /** Why the shares move: the old holder exited poverty (稳定脱贫), the new one is in need… */
  @IsLedgerText({ max: 500, lineBreaks: true, example: '原持股户已稳定脱贫，股份调整给新识别贫困户' })
  reason!: string;
}
