import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { household } from '../../households/household.state';
import { NoticeWriter } from '../notice-writer';
import { RaiseObjectionCommand } from './raise-objection.command';
import { decideRaiseObjection, type Objector } from './raise-objection.decide';

@CommandHandler(RaiseObjectionCommand)
export class RaiseObjectionHandler implements ICommandHandler<RaiseObjectionCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly notices: NoticeWriter,
  ) {}

  async execute(command: RaiseObjectionCommand): Promise<WriteResult> {
    const { actor } = command.metadata;
    let objector: Objector | undefined;
    if (actor.role === 'household' && actor.householdId !== undefined) {
      const { state } = await this.streams.read(actor.householdId, household);
      if (state.status === 'registered') objector = { township: state.township, village: state.village };
    }
    const { events, position } = await this.notices.decide(
      command.payload.noticeId,
      (state) => decideRaiseObjection(command, state, objector),
      command.metadata,
    );
    const raised = events.find((e) => e.type === 'ObjectionRaised');
    return { id: raised?.type === 'ObjectionRaised' ? raised.data.objectionId : command.payload.noticeId, position };
  }
}
