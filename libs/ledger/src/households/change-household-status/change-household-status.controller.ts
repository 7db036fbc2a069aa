import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { HouseholdIdPipe } from '../household-id';
import { ChangeHouseholdStatusCommand } from './change-household-status.command';
import { ChangeHouseholdStatusRequest } from './change-household-status.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/households')
export class ChangeHouseholdStatusController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Change household status',
    refusals: ['HOUSEHOLD.NOT_FOUND', 'HOUSEHOLD.STATUS_BEFORE_LAST_CHANGE', 'HOUSEHOLD.STATUS_UNCHANGED'],
  })
  @Post(':id/status')
  change(
    @Param('id', HouseholdIdPipe) householdId: string,
    @Body() body: ChangeHouseholdStatusRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new ChangeHouseholdStatusCommand({ householdId, ...body }, metadata));
  }
}
