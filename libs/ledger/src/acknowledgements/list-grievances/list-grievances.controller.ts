import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertMayReadIn, type Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { household } from '../../households/household.state';
import { HouseholdIdPipe } from '../../households/household-id';
import { AllowedRoles, StatementLinkAllowed } from '../../http/auth.guard';
import { LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import { grievancesOf } from '../acknowledgement-views';
import { acknowledgements, acknowledgementStreamOf } from '../acknowledgement.state';
import type { GrievanceList } from '../acknowledgement.view';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('v1/households')
export class ListGrievancesController {
  constructor(private readonly streams: StreamWriter) {}

  /** The household's grievances (disputed acknowledgements) with their answers, from its own streams. */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @StatementLinkAllowed()
  @LedgerQuery({
    summary: 'List grievances',
    view: 'GrievanceList',
    refusals: ['HOUSEHOLD.NOT_FOUND', 'AUTH.NOT_YOURS'],
  })
  @Get(':id/grievances')
  async list(@Param('id', HouseholdIdPipe) householdId: string, @CurrentActor() actor: Actor): Promise<GrievanceList> {
    const [{ state: h }, { state }] = await Promise.all([
      this.streams.read(householdId, household),
      this.streams.read(acknowledgementStreamOf(householdId), acknowledgements),
    ]);
    if (h.status !== 'registered') {
      throw notFound('HOUSEHOLD.NOT_FOUND', `No household ${householdId}.`, `没有编号为 ${householdId} 的农户。`);
    }
    assertMayReadIn(actor, h.township, householdId);
    return { items: grievancesOf(state) };
  }
}
