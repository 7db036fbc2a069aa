import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { AllowedRoles } from '../../http/auth.guard';
import { RequestMetadata } from '../../http/request-context';
import { LedgerWrite } from '../../http/contract/route-contract';
import { HouseholdIdPipe } from '../household-id';
import { EraseHouseholdCommand } from './erase-household.command';
import { EraseHouseholdRequest } from './erase-household.dto';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/households')
export class EraseHouseholdController {
  constructor(private readonly commands: CommandBus) {}

  /** Personal data (names, reasons) becomes `[已删除]` everywhere, for good; amounts and verify stay. Admin only. */
  @LedgerWrite({
    summary: "Erase a household's personal data",
    description:
      "Admin only. Destroys the household's key: its head's and workers' names and the free text of its events " +
      '(reasons, the bank’s notes) read `[已删除]` everywhere from now on, for good; amounts, dates, ids, ' +
      'registration number, village, members, totals and `GET /v1/audit/verify` stay as they were. ' +
      '`reason` is the admin’s (a ticket, a date) and stays readable: name no one in it.',
    refusals: ['AUTH.ADMIN_ONLY', 'HOUSEHOLD.NOT_FOUND', 'HOUSEHOLD.ALREADY_ERASED'],
  })
  @Post(':id/erasure')
  @AllowedRoles('admin')
  erase(
    @Param('id', HouseholdIdPipe) householdId: string,
    @Body() body: EraseHouseholdRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new EraseHouseholdCommand({ householdId, ...body }, metadata));
  }
}
