import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsLedgerText } from '../../http/validators';

export class RaiseObjectionRequest {
  /** The row objected to (`r3`); without it the objection is to the list as a whole (someone missing). */
  @IsOptional()
  @Matches(/^r[1-9]\d{0,5}$/, { message: 'rowId must be a row of the notice (r1, r2, …)' })
  @ApiPropertyOptional({ example: 'r3' })
  rowId?: string;

  @IsLedgerText({ max: 2000, lineBreaks: true, example: '我家是3股，名单上只写了2股。' })
  text!: string;

  /** How to reach whoever objects, e.g. a phone number. */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false, example: '13800001234' })
  contact?: string;
}
