import type { Migration } from '@ledger/database';
import type { PoolClient } from 'pg';
import { insertOnce, reissuedCopy, row, rowStatement, type RowSql } from '../projections/projection';
import type { Guarantor } from '../primitives/guarantee';
import type { GuaranteeTopupFigure } from './get-fund-flow/fund-flow.view';
import type { GuaranteeToppedUp } from '../stakes/stake.events';

/**
 * Guarantee top-ups (保底补足) as the fund flow lists them: apart from dividends, since they are not
 * allocations of a declaration but the guarantor covering a shortfall.
 */
export const fundFlowTopupsMigration: Migration = {
  name: '0402-fund-flow-topups',
  up: `
    create table fund_flow_topups (
      payment_id   text primary key,
      stake_id     text   not null,
      household_id text   not null,
      period       text   not null,
      payer        text   not null,
      project_id   text,
      amount_fen   bigint not null,
      position     bigint not null
    );
    create index fund_flow_topups_stake on fund_flow_topups (stake_id);
  `,
};

export const FUND_FLOW_TOPUP_TABLES = ['fund_flow_topups'];

const TOPUPS = insertOnce('fund_flow_topups', 'payment_id', {
  payment_id: 'text',
  stake_id: 'text',
  household_id: 'text',
  period: 'text',
  payer: 'text',
  project_id: 'text',
  amount_fen: 'bigint',
  position: 'bigint',
});

export function topupRows(position: number, d: GuaranteeToppedUp['data']): RowSql[] {
  return [
    row(TOPUPS, d.paymentId, d.stakeId, d.householdId, d.period, d.payer, d.projectId ?? null, d.amountFen, position),
  ];
}

const TOPUP_REVERSED = rowStatement({
  columns: { payment_id: 'text' },
  sql: `update fund_flow_topups t set reversed = true where t.payment_id in (select r.payment_id from ROWS)`,
  reads: ['fund_flow_topups'],
  writes: ['fund_flow_topups'],
  keys: (r) => ({
    reads: [`fund_flow_topups:${String(r.payment_id)}`],
    writes: [`fund_flow_topups:${String(r.payment_id)}`],
  }),
});

const TOPUP_REISSUED = reissuedCopy(
  'fund_flow_topups',
  ['stake_id', 'household_id', 'period', 'payer', 'project_id', 'amount_fen'],
  { position: 'bigint' },
);

/** A top-up reversed, or returned by the bank (`<stakeId>.p<n>`): it leaves the flow. */
export function topupReversedRows(paymentId: string): RowSql[] {
  return [row(TOPUP_REVERSED, paymentId)];
}

/** A returned top-up paid again: a copy of its row under the new payment id. */
export function topupReissuedRows(paymentId: string, reissueOf: string, position: number): RowSql[] {
  return [row(TOPUP_REISSUED, paymentId, reissueOf, position)];
}

/**
 * The top-ups of the fiscal-fund stakes each project's money bought, neither reversed nor returned,
 * in the order recorded: every project in one query, by project.
 */
export async function readGuaranteeTopups(
  db: Pick<PoolClient, 'query'>,
  projectIds: readonly string[],
): Promise<Map<string, GuaranteeTopupFigure[]>> {
  const { rows } = await db.query<{
    owner: string;
    stake_id: string;
    household_id: string;
    period: string;
    payer: Guarantor;
    project_id: string | null;
    amount_fen: string;
  }>(
    `select s.project_id as owner, t.stake_id, t.household_id, t.period, t.payer, t.project_id, t.amount_fen
       from fund_flow_topups t join fund_flow_stakes s on s.stake_id = t.stake_id
      where s.project_id = any($1) and not t.reversed
      order by t.position`,
    [projectIds],
  );
  const byProject = new Map<string, GuaranteeTopupFigure[]>();
  for (const r of rows) {
    const list = byProject.get(r.owner) ?? [];
    list.push({
      stakeId: r.stake_id,
      householdId: r.household_id,
      period: r.period,
      payer: r.payer,
      ...(r.project_id === null ? {} : { projectId: r.project_id }),
      amountFen: Number(r.amount_fen),
    });
    byProject.set(r.owner, list);
  }
  return byProject;
}
