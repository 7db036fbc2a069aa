import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { ReversePaymentCommand } from './reverse-payment.command';
import { ReversePaymentRequest } from './reverse-payment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/payments')
export class ReversePaymentController {
  constructor(private readonly commands: CommandBus) {}

  /** Marks a payment reversed (冲销); it stays on record. A malformed or unknown payment id is a 404. */
  @LedgerWrite({
    summary: 'Reverse payment',
    refusals: ['PAYMENT.ALREADY_REVERSED', 'PAYMENT.NOT_FOUND', 'PAYMENT.REVERSAL_NOT_REVERSIBLE'],
  })
  @Post(':paymentId/reversal')
  @ApiParam({ name: 'paymentId', example: 'lease-7c9e6679-7425-50de-944b-e07fc1f90ae7.p1' })
  reverse(
    @Param('paymentId') paymentId: string,
    @Body() body: ReversePaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new ReversePaymentCommand({ paymentId, ...body }, metadata));
  }
}
