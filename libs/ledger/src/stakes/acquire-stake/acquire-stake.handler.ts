import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { disbursedTo, project } from '../../projects/project.state';
import { AcquireStakeCommand } from './acquire-stake.command';
import { decideAcquireStake, type AcquireStakeParties } from './acquire-stake.decide';

@CommandHandler(AcquireStakeCommand)
export class AcquireStakeHandler implements ICommandHandler<AcquireStakeCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: AcquireStakeCommand): Promise<WriteResult> {
    const { entityId, householdId, projectId } = command.payload;
    const [h, p] = await Promise.all([
      this.streams.read(householdId, household),
      projectId === undefined ? undefined : this.streams.read(projectId, project),
    ]);
    // A project's disbursements only grow, so reading it before the entity's stream is safe: the
    // ceiling can only be too low, never too high. Concurrent stakes race on the entity's stream.
    const parties: AcquireStakeParties = {
      household: h.state.status === 'registered' ? { householdId, township: h.state.township } : undefined,
      project:
        p !== undefined && p.state.status === 'registered'
          ? { projectId: p.state.projectId, name: p.state.name, disbursedToEntityFen: disbursedTo(p.state, entityId) }
          : undefined,
    };
    const { events, position } = await this.streams.decide(
      entityId,
      entity,
      (state) => decideAcquireStake(command, state, parties),
      { ...command.metadata, township: parties.household?.township },
    );
    const acquired = events.find((e) => e.type === 'StakeAcquired');
    return { id: acquired?.type === 'StakeAcquired' ? acquired.data.stakeId : entityId, position };
  }
}
