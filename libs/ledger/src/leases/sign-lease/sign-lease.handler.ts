import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { duesForResponse } from '../lease.common';
import { lease } from '../lease.state';
import { SignLeaseCommand, type SignLeaseResult } from './sign-lease.command';
import { decideSignLease, type SignLeaseParties } from './sign-lease.decide';

@CommandHandler(SignLeaseCommand)
export class SignLeaseHandler implements ICommandHandler<SignLeaseCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: SignLeaseCommand): Promise<SignLeaseResult> {
    const { leaseId, householdId, entityId } = command.payload;
    const [h, e] = await Promise.all([this.streams.read(householdId, household), this.streams.read(entityId, entity)]);
    const parties: SignLeaseParties = {
      household: h.state.status === 'registered' ? { householdId, township: h.state.township } : undefined,
      entity: e.state.status === 'registered' ? { entityId, name: e.state.name } : undefined,
    };
    const { events, position } = await this.streams.decide(
      leaseId,
      lease,
      (state) => decideSignLease(command, state, parties),
      { ...command.metadata, township: parties.household?.township },
    );
    const signed = events.find((event) => event.type === 'LeaseSigned');
    return { id: leaseId, position, dues: signed ? duesForResponse(signed.data.dues) : [] };
  }
}
