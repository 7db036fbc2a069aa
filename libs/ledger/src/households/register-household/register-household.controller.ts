import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { householdIdFor } from '../household-id';
import type { WriteResult } from '../../common/write-result';
import { RegisterHouseholdCommand } from './register-household.command';
import { RegisterHouseholdRequest } from './register-household.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/households')
export class RegisterHouseholdController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({ summary: 'Register household', refusals: ['HOUSEHOLD.REGISTRATION_NO_TAKEN'] })
  @Post()
  register(@Body() body: RegisterHouseholdRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    const registrationNo = body.registrationNo.trim();
    return this.commands.execute(
      new RegisterHouseholdCommand({ ...body, registrationNo, householdId: householdIdFor(registrationNo) }, metadata),
    );
  }
}
