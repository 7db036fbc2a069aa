import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { acknowledgements, householdOfAcknowledgementStream } from '../../acknowledgements/acknowledgement.state';
import { household } from '../../households/household.state';
import { NoticeWriter } from '../notice-writer';
import { ResolveObjectionCommand } from './resolve-objection.command';
import { decideResolveObjection, grievanceOf, objectionNotFound, objectionOnNotice } from './resolve-objection.decide';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** An objection to a notice: `notice-<uuid>.o<n>`, in the notice's stream. */
const OBJECTION_ID = new RegExp(`^(notice-${UUID})\\.o[1-9]\\d*$`);
/** A grievance: a disputed acknowledgement, `acknowledgement-<uuid>.a<n>`, in the household's stream. */
const GRIEVANCE_ID = new RegExp(`^(acknowledgement-${UUID})\\.a[1-9]\\d*$`);

export const isObjectionId = (id: string): boolean => OBJECTION_ID.test(id) || GRIEVANCE_ID.test(id);

@CommandHandler(ResolveObjectionCommand)
export class ResolveObjectionHandler implements ICommandHandler<ResolveObjectionCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly notices: NoticeWriter,
  ) {}

  async execute(command: ResolveObjectionCommand): Promise<WriteResult> {
    const { objectionId } = command.payload;
    const onNotice = OBJECTION_ID.exec(objectionId);
    if (onNotice) {
      // Through the notice writer: an answer shortens the hold the notice puts on its subject.
      const { position } = await this.notices.decide(
        onNotice[1],
        (state) => decideResolveObjection(command, objectionOnNotice(state, objectionId)),
        command.metadata,
      );
      return { id: objectionId, position };
    }
    const grievance = GRIEVANCE_ID.exec(objectionId);
    if (!grievance) throw objectionNotFound(objectionId);
    const streamId = grievance[1];
    const { state: payee } = await this.streams.read(householdOfAcknowledgementStream(streamId), household);
    const township = payee.status === 'registered' ? payee.township : undefined;
    const { position } = await this.streams.decide(
      streamId,
      acknowledgements,
      (state) => decideResolveObjection(command, grievanceOf(state, objectionId, township)),
      { ...command.metadata, township },
    );
    return { id: objectionId, position };
  }
}
