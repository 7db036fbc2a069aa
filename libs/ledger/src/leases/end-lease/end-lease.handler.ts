import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { duesForResponse } from '../lease.common';
import { lease } from '../lease.state';
import { EndLeaseCommand, type EndLeaseResult } from './end-lease.command';
import { decideEndLease } from './end-lease.decide';

@CommandHandler(EndLeaseCommand)
export class EndLeaseHandler implements ICommandHandler<EndLeaseCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: EndLeaseCommand): Promise<EndLeaseResult> {
    const { leaseId } = command.payload;
    const { events, position } = await this.streams.decide(
      leaseId,
      lease,
      (state) => decideEndLease(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'signed' ? state.terms.township : undefined }),
    );
    const ended = events.find((event) => event.type === 'LeaseEnded');
    return { id: leaseId, position, dues: ended ? duesForResponse(ended.data.dues) : [] };
  }
}
