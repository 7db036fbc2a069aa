import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { ReissuePaymentCommand } from './reissue-payment.command';
import { ReissuePaymentRequest } from './reissue-payment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/payments')
export class ReissuePaymentController {
  constructor(private readonly commands: CommandBus) {}

  /** Pays a returned payment again (重新发放); answers the new payment id. */
  @LedgerWrite({
    summary: 'Reissue a returned payment',
    refusals: [
      'PAYMENT.NOT_FOUND',
      'PAYMENT.NOT_RETURNED',
      'PAYMENT.ALREADY_REISSUED',
      'PAYMENT.REISSUED_BEFORE_RETURNED',
      'PAYMENT.REISSUE_NOTICE-HOLD',
      'AUTH.OTHER_TOWNSHIP',
    ],
  })
  @Post(':paymentId/reissue')
  @ApiParam({ name: 'paymentId', example: 'lease-7c9e6679-7425-50de-944b-e07fc1f90ae7.p1' })
  reissue(
    @Param('paymentId') paymentId: string,
    @Body() body: ReissuePaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new ReissuePaymentCommand({ paymentId, ...body }, metadata));
  }
}
