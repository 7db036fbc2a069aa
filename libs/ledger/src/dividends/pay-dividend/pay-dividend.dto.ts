import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';
import { IsHolderCollective, IsHolderHousehold } from '../../stakes/stake-holder.dto';

/** A dividend paid to one household (or a village collective), as the roster (分红表) or voucher shows it. */
export class PayDividendRequest {
  @IsHolderHousehold('The household paid.')
  householdId?: string;

  @IsHolderCollective('The village collective paid, when it holds the stake.')
  collectiveId?: string;

  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** Voucher or bank reference (凭证号). */
  @ApiPropertyOptional({ required: false, example: '分红-2018-017' })
  @ValidateIf((o: PayDividendRequest) => o.reference !== undefined)
  @IsLedgerText({ max: 200, required: false })
  reference?: string;
}
