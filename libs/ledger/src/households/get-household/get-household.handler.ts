import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { household } from '../household.state';
import { GetHouseholdQuery } from './get-household.query';
import type { HouseholdView } from './household.view';

/** Reads one household from its own stream: always current, no read model needed. */
@QueryHandler(GetHouseholdQuery)
export class GetHouseholdHandler implements IQueryHandler<GetHouseholdQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ householdId, actor }: GetHouseholdQuery): Promise<HouseholdView> {
    const { state, events } = await this.streams.read(householdId, household);
    if (state.status !== 'registered') {
      throw notFound('HOUSEHOLD.NOT_FOUND', `No household ${householdId}.`, `没有编号为 ${householdId} 的农户。`);
    }
    // Household users read their own statement only, not the register (contract: roles).
    assertMayReadIn(actor, state.township);
    const { householdId: id, povertyStatus, status: _registered, ...rest } = state;
    return { id, ...rest, status: povertyStatus, position: events[events.length - 1].position };
  }
}
