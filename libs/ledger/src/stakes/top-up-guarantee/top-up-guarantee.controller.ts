import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { StakeIdPipe } from '../stake-id.pipe';
import { TopUpGuaranteeCommand } from './top-up-guarantee.command';
import { TopUpGuaranteeRequest } from './top-up-guarantee.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/stakes')
export class TopUpGuaranteeController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Top up a guarantee',
    refusals: [
      'STAKE.NOT_FOUND',
      'GUARANTEE.NONE',
      'GUARANTEE.WRONG_PAYER',
      'GUARANTEE.PERIOD_NOT_IN_SCHEDULE',
      'GUARANTEE.PAID_BEFORE_START',
      'GUARANTEE.OVERPAYMENT',
      'AUTH.OTHER_TOWNSHIP',
    ],
  })
  @Post(':id/guarantee-topups')
  topUp(
    @Param('id', StakeIdPipe) stakeId: string,
    @Body() body: TopUpGuaranteeRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new TopUpGuaranteeCommand({ stakeId, ...body }, metadata));
  }
}
