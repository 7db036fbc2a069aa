import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { HouseholdIdPipe } from '../../households/household-id';
import { AllowedRoles, StatementLinkAllowed } from '../../http/auth.guard';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import { AcknowledgeStatementCommand } from './acknowledge-statement.command';
import { AcknowledgeStatementRequest } from './acknowledge-statement.dto';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('v1/households')
export class AcknowledgeStatementController {
  constructor(private readonly commands: CommandBus) {}

  /** The household (its own token or its card's phone link) or a clerk on its behalf. */
  @AllowedRoles('admin', 'clerk', 'household')
  @StatementLinkAllowed()
  @LedgerWrite({
    summary: 'Acknowledge statement',
    refusals: ['ACKNOWLEDGEMENT.FIGURES_CHANGED', 'HOUSEHOLD.NOT_FOUND', 'AUTH.NOT_YOURS', 'AUTH.OTHER_TOWNSHIP'],
  })
  @Post(':id/acknowledgements')
  acknowledge(
    @Param('id', HouseholdIdPipe) householdId: string,
    @Body() body: AcknowledgeStatementRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new AcknowledgeStatementCommand({ householdId, ...body }, metadata));
  }
}
