import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { NATIONAL_HOTLINE } from '../county-contact.events';
import { countyContactStreamId } from '../county-contact-stream';
import { countyContact } from '../county-contact.state';
import { SetContactCommand, type SetContactResult } from './set-contact.command';
import { decideSetContact } from './set-contact.decide';

@CommandHandler(SetContactCommand)
export class SetContactHandler implements ICommandHandler<SetContactCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: SetContactCommand): Promise<SetContactResult> {
    const { position } = await this.streams.decide(
      countyContactStreamId(command.payload.county),
      countyContact,
      (state) => decideSetContact(command, state),
      command.metadata,
    );
    // Whether it was recorded now or was already so, the contact now is what was asked.
    const { county, office, phone, hotline = NATIONAL_HOTLINE } = command.payload;
    return { county, office, phone, hotline, position };
  }
}
