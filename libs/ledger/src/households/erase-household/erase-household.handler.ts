import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { HouseholdKeys } from '../../personal-data/household-keys';
import { household } from '../household.state';
import { EraseHouseholdCommand } from './erase-household.command';
import { decideEraseHousehold } from './erase-household.decide';

/**
 * Appends `HouseholdErased`, then destroys the key. In that order: a key destroyed before a failed
 * append would erase the names with no event saying so. The two cannot share one transaction (the
 * log may be EventStoreDB, the unit of work does not lend its connection), so a crash between them
 * is closed by the retry (a replayed request destroys the key again) and by the projections, which
 * destroy the key of every erased household they apply (also after a restore: see the README).
 */
@CommandHandler(EraseHouseholdCommand)
export class EraseHouseholdHandler implements ICommandHandler<EraseHouseholdCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly keys: HouseholdKeys,
  ) {}

  async execute(command: EraseHouseholdCommand): Promise<WriteResult> {
    const { householdId } = command.payload;
    const { position } = await this.streams.decide(
      householdId,
      household,
      (state) => decideEraseHousehold(command, state),
      command.metadata,
    );
    await this.keys.destroy(householdId);
    this.streams.forgetFolded();
    return { id: householdId, position };
  }
}
