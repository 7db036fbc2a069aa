import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden, notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../../entities/entity.state';
import { ProjectionsHost } from '../../projections/projections-host';
import type { CollectiveIncomeSource, DistributionAllocation, DistributionBasis } from '../collective.events';
import { collectiveLedgerProjection } from '../collective.projection';
import { distributionStanding } from '../income/distribution-standing';
import { readCurrentIncome } from '../income/read-income-sources';
import type { CollectivePaymentStatus, CollectiveView } from './collective.view';
import { GetCollectiveQuery } from './get-collective.query';

interface PaymentRow {
  payment_id: string;
  kind: 'income' | 'distribution';
  linkage_id: string;
  payee_id: string;
  amount_fen: string;
  paid_on: string;
  reference: string | null;
  reversed: boolean;
  returned: boolean;
  entity_id: string | null;
  entity_name: string | null;
}

/**
 * A collective's ledger from its read model (the entity itself from its stream). Admins and auditors
 * read any collective; a clerk one in its townships.
 */
@QueryHandler(GetCollectiveQuery)
export class GetCollectiveHandler implements IQueryHandler<GetCollectiveQuery> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ collectiveId, actor, minPosition }: GetCollectiveQuery): Promise<CollectiveView> {
    const { state } = await this.streams.read(collectiveId, entity);
    if (state.status !== 'registered' || state.kind !== 'village_collective') {
      throw notFound(
        'COLLECTIVE.NOT_FOUND',
        `No village collective ${collectiveId}.`,
        `没有编号为 ${collectiveId} 的村集体。`,
      );
    }
    const allowed =
      actor.role === 'admin' ||
      actor.role === 'auditor' ||
      (actor.role === 'clerk' && actor.townships.includes(state.township));
    if (!allowed) throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');
    await this.projections.waitFor(minPosition, [collectiveLedgerProjection.name]);
    const pool = this.database.pool;
    const [stakes, distributions, payments] = await Promise.all([
      pool.query<{
        stake_id: string;
        entity_id: string;
        entity_name: string | null;
        source: string;
        project_id: string | null;
        principal_fen: string;
        shares: string;
        starts_on: string;
        ends_on: string | null;
      }>(
        `select s.*, e.name as entity_name from collective_stakes s
           left join collective_entities e on e.entity_id = s.entity_id
          where s.collective_id = $1 order by s.starts_on, s.stake_id`,
        [collectiveId],
      ),
      pool.query<{
        distribution_id: string;
        period: string;
        declared_on: string;
        pool_fen: string;
        basis: DistributionBasis;
        total_weight: string;
        allocations: DistributionAllocation[];
        income_sources: CollectiveIncomeSource[];
      }>(`select * from collective_distributions where collective_id = $1 order by ordinal`, [collectiveId]),
      pool.query<PaymentRow>(
        `select p.*, d.entity_id, e.name as entity_name from collective_payments p
           left join collective_declarations d on p.kind = 'income' and d.declaration_id = p.linkage_id
           left join collective_entities e on e.entity_id = d.entity_id
          where p.collective_id = $1 order by p.paid_on, p.payment_id`,
        [collectiveId],
      ),
    ]);
    const current = await readCurrentIncome(
      pool,
      distributions.rows.map((d) => d.distribution_id),
    );
    const counts = (p: PaymentRow) => !p.reversed && !p.returned;
    const income = payments.rows.filter((p) => p.kind === 'income');
    const paidTo = (distributionId: string, householdId?: string) =>
      payments.rows
        .filter(
          (p) =>
            p.kind === 'distribution' &&
            p.linkage_id === distributionId &&
            (householdId === undefined || p.payee_id === householdId) &&
            counts(p),
        )
        .reduce((sum, p) => sum + Number(p.amount_fen), 0);
    const incomeFen = income.filter(counts).reduce((sum, p) => sum + Number(p.amount_fen), 0);
    const distributedFen = distributions.rows.reduce((sum, d) => sum + Number(d.pool_fen), 0);
    return {
      collective: {
        id: state.entityId,
        name: state.name,
        kind: state.kind,
        township: state.township,
        county: state.county,
      },
      incomeFen,
      distributedFen,
      undistributedFen: incomeFen - distributedFen,
      stakes: stakes.rows.map((s) => ({
        stakeId: s.stake_id,
        entity: { id: s.entity_id, name: s.entity_name ?? '' },
        source: s.source,
        ...(s.project_id === null ? {} : { projectId: s.project_id }),
        principalFen: Number(s.principal_fen),
        shares: Number(s.shares),
        startsOn: s.starts_on,
        ...(s.ends_on === null ? {} : { endsOn: s.ends_on }),
      })),
      distributions: distributions.rows.map((d) => {
        const paidFen = paidTo(d.distribution_id);
        const now = current.get(d.distribution_id);
        const standing = distributionStanding(
          {
            poolFen: Number(d.pool_fen),
            distributedBeforeFen: now?.distributedBeforeFen ?? 0,
            incomeSources: d.income_sources,
          },
          now?.incomeSources ?? [],
        );
        return {
          distributionId: d.distribution_id,
          period: d.period,
          declaredOn: d.declared_on,
          poolFen: Number(d.pool_fen),
          basis: d.basis,
          totalWeight: Number(d.total_weight),
          incomeSources: standing.incomeSources,
          ...(standing.declaredIncomeSources === undefined
            ? {}
            : { declaredIncomeSources: standing.declaredIncomeSources }),
          overdrawnFen: standing.overdrawnFen,
          allocations: d.allocations.map((a) => {
            const paid = paidTo(d.distribution_id, a.householdId);
            return {
              householdId: a.householdId,
              weight: a.weight,
              amountFen: a.amountFen,
              paidFen: paid,
              owedFen: a.amountFen - paid,
            };
          }),
          paidFen,
          owedFen: Number(d.pool_fen) - paidFen,
        };
      }),
      payments: income.map((p) => ({
        paymentId: p.payment_id,
        declarationId: p.linkage_id,
        entity: { id: p.entity_id ?? '', name: p.entity_name ?? '' },
        amountFen: Number(p.amount_fen),
        paidOn: p.paid_on,
        ...(p.reference === null ? {} : { reference: p.reference }),
        status: statusOf(p),
      })),
    };
  }
}

function statusOf(p: PaymentRow): CollectivePaymentStatus {
  if (p.reversed) return 'reversed';
  if (p.returned) return 'returned';
  return 'paid';
}
