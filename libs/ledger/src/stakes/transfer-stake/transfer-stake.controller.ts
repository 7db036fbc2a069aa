import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import { entityOfStake } from '../stake-id';
import { StakeIdPipe } from '../stake-id.pipe';
import { TransferStakeCommand } from './transfer-stake.command';
import { TransferStakeRequest } from './transfer-stake.dto';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/stakes')
export class TransferStakeController {
  constructor(private readonly commands: CommandBus) {}

  /** Moves a fiscal-fund stake's shares to another household (动态调整); answers the new stake's id. */
  @LedgerWrite({
    summary: 'Transfer stake',
    refusals: [
      'STAKE.NOT_FOUND',
      'STAKE.TRANSFER_AFTER_TERM',
      'STAKE.TRANSFER_GUARANTEE_MID_MONTH',
      'STAKE.TRANSFER_NOT_AFTER_START',
      'STAKE.TRANSFER_OF_ENDED_STAKE',
      'STAKE.TRANSFER_ONLY_FISCAL_FUND',
      'STAKE.TRANSFER_TO_SAME_HOUSEHOLD',
      'STAKE.TRANSFER_UNKNOWN_HOUSEHOLD',
    ],
  })
  @Post(':id/transfer')
  transfer(
    @Param('id', StakeIdPipe) stakeId: string,
    @Body() body: TransferStakeRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    const entityId = entityOfStake(stakeId)!;
    return this.commands.execute(new TransferStakeCommand({ stakeId, entityId, ...body }, metadata));
  }
}
