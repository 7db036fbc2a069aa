import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';

/** A household's share of a distribution paid to it, as the roster or voucher shows it. */
export class PayDistributionRequest {
  @Matches(idPattern('household'), { message: 'householdId must be a household id (household-…)' })
  @ApiProperty({ example: 'household-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  householdId!: string;

  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** Voucher or bank reference (凭证号). */
  @ApiPropertyOptional({ required: false, example: '二次分配-2018-017' })
  @ValidateIf((o: PayDistributionRequest) => o.reference !== undefined)
  @IsLedgerText({ max: 200, required: false })
  reference?: string;
}
