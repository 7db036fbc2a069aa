import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import type { Pool } from 'pg';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { entityOfStake } from '../stake-id';
import type { DeclaredOnStake } from '../../primitives/guarantee';
import { TopUpGuaranteeCommand } from './top-up-guarantee.command';
import { decideTopUpGuarantee } from './top-up-guarantee.decide';

@CommandHandler(TopUpGuaranteeCommand)
export class TopUpGuaranteeHandler implements ICommandHandler<TopUpGuaranteeCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
  ) {}

  async execute(command: TopUpGuaranteeCommand): Promise<WriteResult> {
    const { stakeId } = command.payload;
    const entityId = entityOfStake(stakeId) ?? stakeId;
    // Declarations live in streams of their own; the fund flow's read model indexes their allocations
    // by stake. A declaration it has not applied yet can only make the shortfall look larger, and a
    // later declaration that shrinks it below the top-ups shows as overpaidFen, as the contract says.
    const declared = await declaredOnStake(this.database.pool, stakeId);
    // The stake's township comes from the state `decide` folds: the entity's stream is read once.
    const { events, position } = await this.streams.decide(
      entityId,
      entity,
      (state) => decideTopUpGuarantee(command, state, declared),
      command.metadata,
      (state) => ({ township: state.status === 'registered' ? state.stakes[stakeId]?.township : undefined }),
    );
    const paid = events.find((event) => event.type === 'GuaranteeToppedUp');
    return { id: paid?.type === 'GuaranteeToppedUp' ? paid.data.paymentId : stakeId, position };
  }
}

/** A stake's allocations on every declaration, with the declaration's period. */
export async function declaredOnStake(pool: Pool, stakeId: string): Promise<DeclaredOnStake[]> {
  const { rows } = await pool.query<{ period: string; amount_fen: string }>(
    `select d.period, a.amount_fen
       from fund_flow_allocations a join fund_flow_declarations d using (declaration_id)
      where a.stake_id = $1
      order by a.declaration_id`,
    [stakeId],
  );
  return rows.map((r) => ({ period: r.period, amountFen: Number(r.amount_fen) }));
}
