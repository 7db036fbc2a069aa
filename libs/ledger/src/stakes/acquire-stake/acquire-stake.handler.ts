import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { loan } from '../../loans/loan.state';
import { disbursedTo, project } from '../../projects/project.state';
import { AcquireStakeCommand } from './acquire-stake.command';
import { decideAcquireStake, type AcquireStakeParties } from './acquire-stake.decide';

@CommandHandler(AcquireStakeCommand)
export class AcquireStakeHandler implements ICommandHandler<AcquireStakeCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: AcquireStakeCommand): Promise<WriteResult> {
    const { entityId, householdId, collectiveId, projectId, loanId } = command.payload;
    const [h, c, p, l] = await Promise.all([
      householdId === undefined ? undefined : this.streams.read(householdId, household),
      collectiveId === undefined ? undefined : this.streams.read(collectiveId, entity),
      projectId === undefined ? undefined : this.streams.read(projectId, project),
      loanId === undefined ? undefined : this.streams.read(loanId, loan),
    ]);
    // A project's disbursements only grow, so reading it before the entity's stream is safe: the
    // ceiling can only be too low, never too high. Concurrent stakes race on the entity's stream.
    const parties: AcquireStakeParties = {
      household:
        h?.state.status === 'registered' && householdId !== undefined
          ? { householdId, township: h.state.township }
          : undefined,
      collective:
        c?.state.status === 'registered'
          ? { collectiveId: c.state.entityId, kind: c.state.kind, name: c.state.name, township: c.state.township }
          : undefined,
      project:
        p !== undefined && p.state.status === 'registered'
          ? { projectId: p.state.projectId, name: p.state.name, disbursedToEntityFen: disbursedTo(p.state, entityId) }
          : undefined,
      // A loan's household, use, entity and principal never change once recorded.
      loan:
        l?.state.status === 'disbursed'
          ? {
              loanId: l.state.terms.loanId,
              householdId: l.state.terms.householdId,
              use: l.state.terms.use,
              principalFen: l.state.terms.principalFen,
              ...(l.state.terms.entityId === undefined ? {} : { entityId: l.state.terms.entityId }),
            }
          : undefined,
    };
    const { events, position } = await this.streams.decide(
      entityId,
      entity,
      (state) => decideAcquireStake(command, state, parties),
      { ...command.metadata, township: parties.household?.township ?? parties.collective?.township },
    );
    const acquired = events.find((e) => e.type === 'StakeAcquired');
    return { id: acquired?.type === 'StakeAcquired' ? acquired.data.stakeId : entityId, position };
  }
}
