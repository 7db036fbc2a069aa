import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { household } from '../household.state';
import type { WriteResult } from '../../common/write-result';
import { RegisterHouseholdCommand } from './register-household.command';
import { decideRegisterHousehold } from './register-household.decide';

@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RegisterHouseholdCommand): Promise<WriteResult> {
    const { householdId } = command.payload;
    const { position } = await this.streams.decide(
      householdId,
      household,
      (state) => decideRegisterHousehold(command, state),
      {
        ...command.metadata,
        township: command.payload.township,
      },
    );
    return { id: householdId, position };
  }
}
