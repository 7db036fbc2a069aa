import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { ContractOrderCommand } from './contract-order.command';
import { ContractOrderRequest } from './contract-order.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/orders')
export class ContractOrderController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({ summary: 'Contract order', refusals: ['ORDER.ALREADY_CONTRACTED', 'ORDER.ENDS_BEFORE_START'] })
  @Post()
  contract(@Body() body: ContractOrderRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    return this.commands.execute(
      new ContractOrderCommand({ ...body, orderId: newStreamId('order', metadata) }, metadata),
    );
  }
}
