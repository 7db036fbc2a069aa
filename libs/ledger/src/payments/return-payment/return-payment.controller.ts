import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { ReturnPaymentCommand } from './return-payment.command';
import { ReturnPaymentRequest } from './return-payment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/payments')
export class ReturnPaymentController {
  constructor(private readonly commands: CommandBus) {}

  /** Records that the bank sent a payment back (退回); answers the payment id. */
  @LedgerWrite({
    summary: 'Record a bank return',
    refusals: [
      'PAYMENT.NOT_FOUND',
      'PAYMENT.REVERSED_NOT_RETURNABLE',
      'PAYMENT.ALREADY_RETURNED',
      'PAYMENT.RETURNED_BEFORE_PAID',
      'AUTH.OTHER_TOWNSHIP',
    ],
  })
  @Post(':paymentId/return')
  @ApiParam({ name: 'paymentId', example: 'lease-7c9e6679-7425-50de-944b-e07fc1f90ae7.p1' })
  returnPayment(
    @Param('paymentId') paymentId: string,
    @Body() body: ReturnPaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new ReturnPaymentCommand({ paymentId, ...body }, metadata));
  }
}
