import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { OrderIdPipe } from '../order-id';
import { RecordPurchasePaymentCommand } from './record-purchase-payment.command';
import { RecordPurchasePaymentRequest } from './record-purchase-payment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/orders')
export class RecordPurchasePaymentController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Record purchase payment',
    refusals: [
      'ORDER.AMOUNT_MISMATCH',
      'ORDER.AMOUNT_TOO_LARGE',
      'ORDER.DELIVERY_OUTSIDE_CONTRACT',
      'ORDER.PAID_BEFORE_DELIVERY',
    ],
  })
  @Post(':id/payments')
  pay(
    @Param('id', OrderIdPipe) orderId: string,
    @Body() body: RecordPurchasePaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordPurchasePaymentCommand({ orderId, ...body }, metadata));
  }
}
