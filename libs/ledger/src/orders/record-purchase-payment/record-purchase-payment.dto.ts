import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';
import { parseQuantity } from '../quantity';

export class RecordPurchasePaymentRequest {
  /**
   * Quantity delivered, in the order's unit: a number or decimal string, positive, at most 3 decimals.
   * A valid value becomes its canonical decimal string here (`12.50` → `"12.5"`); anything else is
   * left as sent for the validator to refuse.
   */
  @Transform(({ value }: { value: unknown }) => {
    const parsed = parseQuantity(value);
    return parsed.ok ? parsed.text : value;
  })
  @ValidateBy({
    name: 'isQuantity',
    validator: {
      validate: (value: unknown) => parseQuantity(value).ok,
      defaultMessage: () =>
        'quantity must be a positive number (or decimal string) with at most 12 digits before the point and 3 after',
    },
  })
  @ApiProperty({
    oneOf: [
      { type: 'number', example: 12.5 },
      { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,3})?$', example: '12.5' },
    ],
  })
  quantity!: string;

  /** quantity × the order's price, rounded half-up to the fen. */
  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  deliveredOn!: string;

  @IsLedgerDate()
  paidOn!: string;

  /** Voucher number (凭证号). */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false })
  reference?: string;
}
