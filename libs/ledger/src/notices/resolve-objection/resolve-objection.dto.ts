import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsLedgerText } from '../../http/validators';
import { OBJECTION_OUTCOMES, type ObjectionOutcome } from '../notice.events';

export class ResolveObjectionRequest {
  /** `upheld`: the list or the record was wrong (correct it by new records); `rejected`: it stands. */
  @IsIn(OBJECTION_OUTCOMES, { message: `outcome must be one of: ${OBJECTION_OUTCOMES.join(', ')}` })
  @ApiProperty({ enum: OBJECTION_OUTCOMES })
  outcome!: ObjectionOutcome;

  /** The answer given to whoever objected. */
  @IsLedgerText({ max: 2000, lineBreaks: true, example: '经核实，该户股份登记有误，已更正并重新公示。' })
  response!: string;
}
