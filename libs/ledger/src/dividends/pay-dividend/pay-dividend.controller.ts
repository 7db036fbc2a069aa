import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { DividendIdPipe } from '../dividend-id';
import { PayDividendCommand } from './pay-dividend.command';
import { PayDividendRequest } from './pay-dividend.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/dividends')
export class PayDividendController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Pay dividend',
    refusals: [
      'DIVIDEND.COLLECTIVE_NOT_ALLOCATED',
      'DIVIDEND.HOUSEHOLD_NOT_ALLOCATED',
      'DIVIDEND.NOT_FOUND',
      'DIVIDEND.OVERPAYMENT',
      'DIVIDEND.PAID_BEFORE_DECLARED',
      'PAYMENT.NOTICE-HOLD',
    ],
  })
  @Post(':id/payments')
  pay(
    @Param('id', DividendIdPipe) declarationId: string,
    @Body() body: PayDividendRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new PayDividendCommand({ declarationId, ...body }, metadata));
  }
}
