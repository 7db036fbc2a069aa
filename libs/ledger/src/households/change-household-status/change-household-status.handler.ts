import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { household } from '../household.state';
import { ChangeHouseholdStatusCommand } from './change-household-status.command';
import { decideChangeHouseholdStatus } from './change-household-status.decide';

@CommandHandler(ChangeHouseholdStatusCommand)
export class ChangeHouseholdStatusHandler implements ICommandHandler<ChangeHouseholdStatusCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: ChangeHouseholdStatusCommand): Promise<WriteResult> {
    const { householdId } = command.payload;
    const { position } = await this.streams.decide(
      householdId,
      household,
      (state) => decideChangeHouseholdStatus(command, state),
      command.metadata,
    );
    return { id: householdId, position };
  }
}
