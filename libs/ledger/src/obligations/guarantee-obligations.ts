import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { Pool } from 'pg';
import type { DividendDeclared } from '../dividends/dividend.events';
import { insertOnce, row, type RowSql } from '../projections/projection';
import { guaranteeStandings, type GuaranteeSchedule, type Guarantor } from '../primitives/guarantee';
import type { StakeAcquired, StakeEnded } from '../stakes/stake.events';
import { obligationKeys, type ObligationsOf } from './get-obligations/obligations-of';
import type { ObligationItem } from './get-obligations/obligations.view';

/**
 * What the guarantors of guaranteed stakes owe (保底差额): the promise of each guaranteed stake, its
 * end if it ended early, what declarations allocated to it, and its top-ups (in obligation_payments,
 * by stake id and period). The shortfall is computed when read, as of the instant asked, because a
 * later declaration changes it.
 */
export const guaranteeObligationsMigration: Migration = {
  name: '0302-obligation-guarantees',
  up: `
    create table obligation_guarantees (
      stake_id              text primary key,
      entity_id             text   not null,
      household_id          text   not null,
      guaranteed_yearly_fen bigint not null,
      schedule              text   not null,
      guarantor             text   not null,
      project_id            text,
      starts_on             text   not null,
      ends_on               text   not null,
      recorded_at           timestamptz not null
    );
    create index obligation_guarantees_entity on obligation_guarantees (entity_id);
    create index obligation_guarantees_household on obligation_guarantees (household_id);

    create table obligation_guarantee_ends (
      stake_id    text primary key,
      ends_on     text not null,
      recorded_at timestamptz not null
    );

    create table obligation_stake_allocations (
      allocation_id text primary key,
      stake_id      text   not null,
      period        text   not null,
      amount_fen    bigint not null,
      recorded_at   timestamptz not null
    );
    create index obligation_stake_allocations_stake on obligation_stake_allocations (stake_id);
    -- The dividend and lease items read by household are indexed by 0301-obligations-by-household.
  `,
};

export const GUARANTEE_TABLES = ['obligation_guarantees', 'obligation_guarantee_ends', 'obligation_stake_allocations'];

const GUARANTEES = insertOnce('obligation_guarantees', 'stake_id', {
  stake_id: 'text',
  entity_id: 'text',
  household_id: 'text',
  guaranteed_yearly_fen: 'bigint',
  schedule: 'text',
  guarantor: 'text',
  project_id: 'text',
  starts_on: 'text',
  ends_on: 'text',
  recorded_at: 'timestamptz',
  promise_starts_on: 'text',
});

/** A stake ends once; ends of stakes without a guarantee are kept too and simply never read. */
const ENDS = insertOnce('obligation_guarantee_ends', 'stake_id', {
  stake_id: 'text',
  ends_on: 'text',
  recorded_at: 'timestamptz',
});

const ALLOCATIONS = insertOnce('obligation_stake_allocations', 'allocation_id', {
  allocation_id: 'text',
  stake_id: 'text',
  period: 'text',
  amount_fen: 'bigint',
  recorded_at: 'timestamptz',
});

/** A guaranteed stake with a term becomes a promise; any other stake owes nothing beyond its dividends. */
export function guaranteeRows(recorded: RecordedEvent, d: StakeAcquired['data']): RowSql[] {
  if (d.guaranteedYearlyFen === undefined || d.endsOn === undefined) return [];
  return [
    row(
      GUARANTEES,
      d.stakeId,
      d.entityId,
      d.householdId,
      d.guaranteedYearlyFen,
      d.guaranteeSchedule ?? 'yearly',
      d.guarantor ?? 'entity',
      d.projectId ?? null,
      d.startsOn,
      d.endsOn,
      recorded.recordedAt,
      d.promiseStartsOn ?? null,
    ),
  ];
}

export function guaranteeEndRows(recorded: RecordedEvent, d: StakeEnded['data']): RowSql[] {
  return [row(ENDS, d.stakeId, d.endsOn, recorded.recordedAt)];
}

/** Only the allocations of guaranteed stakes count against a promise. */
export function guaranteedAllocationRows(recorded: RecordedEvent, d: DividendDeclared['data']): RowSql[] {
  return d.allocations
    .filter((a) => a.guaranteedYearlyFen !== undefined)
    .map((a) =>
      row(ALLOCATIONS, `${d.declarationId}:${a.stakeId}`, a.stakeId, d.period, a.amountFen, recorded.recordedAt),
    );
}

interface GuaranteeRow {
  stake_id: string;
  entity_id: string;
  household_id: string;
  guaranteed_yearly_fen: string;
  schedule: GuaranteeSchedule;
  guarantor: Guarantor;
  project_id: string | null;
  starts_on: string;
  ends_on: string;
  promise_starts_on: string | null;
}

/**
 * The guarantee items of an entity's (or a household's) guaranteed stakes as the ledger stood at
 * `asOf`: one per guarantee period due by `dueBy`, owing the shortfall, paid by the top-ups not
 * reversed by then. A later declaration can shrink a shortfall below what was topped up: the item's
 * outstanding is then 0 and the excess shows as `overpaidFen`.
 */
export async function readGuaranteeItems(
  pool: Pool,
  by: ObligationsOf,
  asOf: string,
  dueBy: string,
  townships?: readonly string[],
): Promise<(ObligationItem & { entityId: string })[]> {
  const { column, keys } = obligationKeys(by);
  const { rows: stakes } = await pool.query<GuaranteeRow>(
    `select g.stake_id, g.entity_id, g.household_id, g.guaranteed_yearly_fen, g.schedule, g.guarantor, g.project_id,
            g.starts_on, coalesce(e.ends_on, g.ends_on) as ends_on, g.promise_starts_on
       from obligation_guarantees g
       left join obligation_guarantee_ends e on e.stake_id = g.stake_id and e.recorded_at <= $2::timestamptz
      where g.${column} = any($1::text[]) and g.recorded_at <= $2::timestamptz
        and ($3::text[] is null
             or exists (select 1 from household_list h where h.household_id = g.household_id and h.township = any($3)))`,
    [keys, asOf, townships ?? null],
  );
  if (stakes.length === 0) return [];
  const ids = stakes.map((s) => s.stake_id);
  const [{ rows: allocations }, { rows: topups }] = await Promise.all([
    pool.query<{ stake_id: string; period: string; amount_fen: string }>(
      `select stake_id, period, amount_fen from obligation_stake_allocations
        where stake_id = any($1) and recorded_at <= $2::timestamptz order by allocation_id`,
      [ids, asOf],
    ),
    pool.query<{ linkage_id: string; period: string; paid_fen: string }>(
      `select linkage_id, period, sum(amount_fen) as paid_fen from obligation_payments
        where linkage_id = any($1) and recorded_at <= $2::timestamptz
          and (reversed_at is null or reversed_at > $2::timestamptz)
        group by linkage_id, period`,
      [ids, asOf],
    ),
  ]);
  const paid = new Map(topups.map((t) => [`${t.linkage_id} ${t.period}`, Number(t.paid_fen)]));
  // By stake, in the order read: a county's stakes are many, so never scan every allocation per stake.
  const declaredOn = new Map<string, { period: string; amountFen: number }[]>();
  for (const a of allocations) {
    const list = declaredOn.get(a.stake_id) ?? [];
    list.push({ period: a.period, amountFen: Number(a.amount_fen) });
    declaredOn.set(a.stake_id, list);
  }
  return stakes.flatMap((s) => {
    const declared = declaredOn.get(s.stake_id) ?? [];
    const standings = guaranteeStandings(
      {
        guaranteedYearlyFen: Number(s.guaranteed_yearly_fen),
        schedule: s.schedule,
        startsOn: s.starts_on,
        endsOn: s.ends_on,
        ...(s.promise_starts_on === null ? {} : { promiseStartsOn: s.promise_starts_on }),
      },
      declared,
    );
    return standings
      .filter((p) => p.dueOn <= dueBy)
      .map((p): ObligationItem & { entityId: string } => {
        const paidFen = paid.get(`${s.stake_id} ${p.period}`) ?? 0;
        return {
          entityId: s.entity_id,
          linkageId: s.stake_id,
          kind: 'guarantee',
          householdId: s.household_id,
          period: p.period,
          dueOn: p.dueOn,
          dueFen: p.shortfallFen,
          paidFen,
          outstandingFen: Math.max(0, p.shortfallFen - paidFen),
          ...(paidFen > p.shortfallFen ? { overpaidFen: paidFen - p.shortfallFen } : {}),
          guarantor: s.guarantor,
          ...(s.project_id === null ? {} : { projectId: s.project_id }),
        };
      });
  });
}
