import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { refuse } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { household } from '../../households/household.state';
import { user, userStream } from '../../auth/user.state';
import { RegisterUserCommand, type RegisterUserResult } from './register-user.command';
import { decideRegisterUser } from './register-user.decide';

/** The token itself is never stored; the handler receives it beside the command, to return once. */
@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RegisterUserCommand): Promise<RegisterUserResult> {
    const { userId, householdId } = command.payload;
    if (householdId) {
      const { state } = await this.streams.read(householdId, household);
      if (state.status !== 'registered') {
        throw refuse('USER.UNKNOWN_HOUSEHOLD', `No household ${householdId}.`, `没有编号为 ${householdId} 的农户。`);
      }
    }
    const { position } = await this.streams.decide(
      userStream(userId),
      user,
      (state) => decideRegisterUser(command, state),
      command.metadata,
    );
    return { id: userId, position, token: command.token };
  }
}
