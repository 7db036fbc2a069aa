import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { EmploymentIdPipe } from '../employment-id';
import { RecordWagePaymentCommand } from './record-wage-payment.command';
import { RecordWagePaymentRequest } from './record-wage-payment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/employments')
export class RecordWagePaymentController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Record wage payment',
    refusals: [
      'EMPLOYMENT.DAYS_WORKED_REQUIRED',
      'EMPLOYMENT.MONTH_ALREADY_PAID',
      'EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT',
      'EMPLOYMENT.NOTHING_TO_SUPPLEMENT',
      'EMPLOYMENT.PAID_BEFORE_START',
      'EMPLOYMENT.TOO_MANY_DAYS',
    ],
  })
  @Post(':id/payments')
  pay(
    @Param('id', EmploymentIdPipe) employmentId: string,
    @Body() body: RecordWagePaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordWagePaymentCommand({ employmentId, ...body }, metadata));
  }
}
