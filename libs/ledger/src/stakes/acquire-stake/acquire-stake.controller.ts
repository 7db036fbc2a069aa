import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { AcquireStakeCommand } from './acquire-stake.command';
import { AcquireStakeRequest } from './acquire-stake.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/stakes')
export class AcquireStakeController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Acquire stake',
    refusals: [
      'STAKE.ENDS_BEFORE_START',
      'STAKE.EXCEEDS_DISBURSEMENT',
      'STAKE.EXCEEDS_LOAN',
      'STAKE.LOAN_NOT_INVESTED_HERE',
      'STAKE.LOAN_OF_ANOTHER_HOUSEHOLD',
      'STAKE.PROJECT_ONLY_FOR_FISCAL_FUND',
      'STAKE.PROJECT_REQUIRED',
      'STAKE.UNKNOWN_ENTITY',
      'STAKE.UNKNOWN_HOUSEHOLD',
      'STAKE.NOT_A_COLLECTIVE',
      'STAKE.COLLECTIVE_NOT_GUARANTEED',
      'STAKE.GUARANTEE_NEEDS_TERM',
      'STAKE.GUARANTOR_NEEDS_PROJECT',
      'STAKE.UNKNOWN_LOAN',
      'STAKE.UNKNOWN_PROJECT',
    ],
  })
  @Post()
  acquire(@Body() body: AcquireStakeRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    return this.commands.execute(new AcquireStakeCommand({ ...body }, metadata));
  }
}
