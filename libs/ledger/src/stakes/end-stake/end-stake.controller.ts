import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { entityOfStake } from '../stake-id';
import { StakeIdPipe } from '../stake-id.pipe';
import { EndStakeCommand } from './end-stake.command';
import { EndStakeRequest } from './end-stake.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/stakes')
export class EndStakeController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'End stake',
    refusals: ['STAKE.ALREADY_ENDED', 'STAKE.ENDS_AFTER_TERM', 'STAKE.ENDS_BEFORE_START', 'STAKE.NOT_FOUND'],
  })
  @Post(':id/end')
  end(
    @Param('id', StakeIdPipe) stakeId: string,
    @Body() body: EndStakeRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    const entityId = entityOfStake(stakeId)!;
    return this.commands.execute(new EndStakeCommand({ stakeId, entityId, ...body }, metadata));
  }
}
