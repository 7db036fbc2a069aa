import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import { DistributionIdPipe } from '../distribution-id';
import { PayDistributionCommand } from './pay-distribution.command';
import { PayDistributionRequest } from './pay-distribution.dto';

@ApiTags('collectives')
@ApiBearerAuth()
@Controller('v1/distributions')
export class PayDistributionController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Pay distribution',
    refusals: [
      'DISTRIBUTION.NOT_FOUND',
      'DISTRIBUTION.HOUSEHOLD_NOT_ALLOCATED',
      'DISTRIBUTION.PAID_BEFORE_DECLARED',
      'DISTRIBUTION.OVERPAYMENT',
      'PAYMENT.NOTICE-HOLD',
    ],
  })
  @Post(':id/payments')
  pay(
    @Param('id', DistributionIdPipe) distributionId: string,
    @Body() body: PayDistributionRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new PayDistributionCommand({ distributionId, ...body }, metadata));
  }
}
