import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { ProjectionsHost } from '../../projections/projections-host';
import { collectiveIncome, earlierPools } from '../collective-income';
import { collectiveLedgerProjection } from '../collective.projection';
import { distributionIdFor } from '../distribution-id';
import { distribution } from '../distribution.state';
import { DeclareDistributionCommand, type DeclareDistributionResult } from './declare-distribution.command';
import { decideDeclareDistribution, type DistributionParties } from './declare-distribution.decide';

@CommandHandler(DeclareDistributionCommand)
export class DeclareDistributionHandler implements ICommandHandler<DeclareDistributionCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute(command: DeclareDistributionCommand): Promise<DeclareDistributionResult> {
    const { collectiveId, households } = command.payload;
    // The collective's ledger is a read model: first let it apply everything written so far.
    await this.projections.waitForHead([collectiveLedgerProjection.name]);
    const pools = await earlierPools(this.database.pool, collectiveId);
    const [c, income, ...listed] = await Promise.all([
      this.streams.read(collectiveId, entity),
      collectiveIncome(this.database.pool, this.streams, collectiveId),
      ...households.map((h) => this.streams.read(h.householdId, household)),
    ]);
    const parties: DistributionParties = {
      collective:
        c.state.status === 'registered'
          ? { collectiveId, name: c.state.name, kind: c.state.kind, township: c.state.township }
          : undefined,
      households: new Map(
        households.map((h, i) => {
          const s = listed[i].state;
          return [h.householdId, s.status === 'registered' ? { township: s.township, members: s.members } : undefined];
        }),
      ),
      income,
      earlierPoolsFen: pools,
      ordinal: pools.length + 1,
    };
    // The n-th distribution has one id: a declaration that missed an earlier one (read model behind,
    // or declared at the same moment) meets it there and is refused, never spending income twice.
    const distributionId = distributionIdFor(collectiveId, parties.ordinal);
    const { events, position } = await this.streams.decide(
      distributionId,
      distribution,
      (state) => decideDeclareDistribution(command, state, parties, distributionId),
      { ...command.metadata, township: parties.collective?.township },
    );
    const declared = events.find((e) => e.type === 'DistributionDeclared');
    return {
      id: distributionId,
      position,
      allocations:
        declared?.type === 'DistributionDeclared'
          ? declared.data.allocations.map(({ householdId, amountFen }) => ({ householdId, amountFen }))
          : [],
    };
  }
}
