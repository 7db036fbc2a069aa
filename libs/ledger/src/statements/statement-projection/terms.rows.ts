import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared } from '../../dividends/dividend.events';
import type { EmploymentEnded, EmploymentStarted } from '../../employment/employment.events';
import type { LeaseEnded, LeaseSigned } from '../../leases/lease.events';
import type { OrderContracted } from '../../orders/order.events';
import type { ProjectEvent } from '../../projects/project.events';
import { insertOnce, row, rowStatement, type RowSql } from '../../projections/projection';
import { DIVIDEND_HOUSEHOLD_COLUMNS, PROJECT_FUND_SOURCES } from './statement.sql';

/**
 * The terms a payment's line is explained from (projects and their funds, dividend declarations and
 * what each household holds in them, leases, employments and orders), kept in helper tables until
 * the payment is projected.
 */
export type TermEvent =
  ProjectEvent | DividendDeclared | LeaseSigned | LeaseEnded | EmploymentStarted | EmploymentEnded | OrderContracted;

const PROJECTS = rowStatement({
  columns: { project_id: 'text', name: 'text' },
  sql: `insert into statement_projects (project_id, name) select r.project_id, r.name from ROWS order by r.ord
        on conflict (project_id) do nothing`,
  writes: ['statement_projects'],
  keys: (r) => ({ reads: [], writes: [`statement_projects:${String(r.project_id)}`] }),
});

const PROJECT_FUNDS = rowStatement({
  columns: { event_id: 'text', project_id: 'text', source: 'text', amount_fen: 'bigint' },
  sql: `insert into statement_project_funds (event_id, project_id, source, amount_fen)
        select r.event_id, r.project_id, r.source, r.amount_fen from ROWS order by r.ord
        on conflict (event_id) do nothing`,
  writes: ['statement_project_funds'],
  // Keyed by project: what a project's sums read.
  keys: (r) => ({ reads: [], writes: [`statement_project_funds:${String(r.project_id)}`] }),
});

/** Each project's money summed by source, kept on the project so each dividend line copies it instead of summing. */
const PROJECT_FUND_SOURCES_UPDATE = rowStatement({
  columns: { project_id: 'text' },
  sql: `update statement_projects p set fund_sources = ${PROJECT_FUND_SOURCES}
         where p.project_id in (select r.project_id from ROWS)`,
  reads: ['statement_project_funds', 'statement_projects'],
  writes: ['statement_projects'],
  keys: (r) => ({
    reads: [`statement_project_funds:${String(r.project_id)}`, `statement_projects:${String(r.project_id)}`],
    writes: [`statement_projects:${String(r.project_id)}`],
  }),
});

const DECLARATIONS = rowStatement({
  columns: {
    declaration_id: 'text',
    entity_id: 'text',
    entity_name: 'text',
    period: 'text',
    period_share: 'text',
    pool_fen: 'bigint',
    total_shares: 'bigint',
  },
  sql: `insert into statement_declarations (declaration_id, entity_id, entity_name, period, period_share, pool_fen, total_shares)
        select r.declaration_id, r.entity_id, r.entity_name, r.period, r.period_share, r.pool_fen, r.total_shares
          from ROWS order by r.ord
        on conflict (declaration_id) do nothing`,
  writes: ['statement_declarations'],
  keys: (r) => ({ reads: [], writes: [`statement_declarations:${String(r.declaration_id)}`] }),
});

/**
 * What each household holds in a declaration, summed over its stakes from the declaration's
 * allocations (a JSON array per declaration, in allocation order).
 */
const DIVIDEND_HOUSEHOLDS = rowStatement({
  columns: { declaration_id: 'text', allocations: 'jsonb' },
  sql: `insert into statement_dividend_households
        select r.declaration_id, a.household_id, ${DIVIDEND_HOUSEHOLD_COLUMNS}
          from ROWS
          cross join lateral jsonb_to_recordset(r.allocations) as a(stake_id text, ord int, household_id text, shares bigint,
                 guaranteed_yearly_fen bigint, project_id text, source text, amount_fen bigint)
         group by r.ord, r.declaration_id, a.household_id
         order by r.ord
        on conflict (declaration_id, household_id) do nothing`,
  writes: ['statement_dividend_households'],
  keys: (r) => ({ reads: [], writes: [`statement_dividend_households:${String(r.declaration_id)}`] }),
});

const LEASES = insertOnce('statement_leases', 'lease_id', {
  lease_id: 'text',
  entity_id: 'text',
  entity_name: 'text',
  area_mu: 'text',
  rent_per_mu_year_fen: 'bigint',
});

const EMPLOYMENTS = insertOnce('statement_employments', 'employment_id', {
  employment_id: 'text',
  entity_id: 'text',
  entity_name: 'text',
  wage_basis: 'text',
  rate_fen: 'bigint',
});

const ORDERS = insertOnce('statement_orders', 'order_id', { order_id: 'text', entity_id: 'text', entity_name: 'text' });

/** The helper rows of a payment's terms. */
export function termRows(event: TermEvent, recorded: RecordedEvent): RowSql[] {
  switch (event.type) {
    case 'ProjectRegistered':
      return [row(PROJECTS, event.data.projectId, event.data.name)];
    case 'ProjectFundsReceived':
      return [
        row(PROJECT_FUNDS, recorded.id, event.data.projectId, event.data.source, event.data.amountFen),
        row(PROJECT_FUND_SOURCES_UPDATE, event.data.projectId),
      ];
    case 'DividendDeclared': {
      const d = event.data;
      return [
        row(
          DECLARATIONS,
          d.declarationId,
          d.entityId,
          d.entityName,
          d.period,
          d.periodShare,
          d.poolFen ?? null,
          d.totalShares,
        ),
        row(
          DIVIDEND_HOUSEHOLDS,
          d.declarationId,
          JSON.stringify(
            // A collective's allocation explains no household's line: only households' are kept.
            d.allocations.flatMap((a, ord) =>
              a.householdId === undefined
                ? []
                : [
                    {
                      stake_id: a.stakeId,
                      ord,
                      household_id: a.householdId,
                      shares: a.shares,
                      guaranteed_yearly_fen: a.guaranteedYearlyFen ?? null,
                      project_id: a.projectId ?? null,
                      source: a.source,
                      amount_fen: a.amountFen,
                    },
                  ],
            ),
          ),
        ),
      ];
    }
    case 'LeaseSigned': {
      const d = event.data;
      return [row(LEASES, d.leaseId, d.entityId, d.entityName, d.areaMu, d.rentPerMuYearFen)];
    }
    case 'EmploymentStarted': {
      const d = event.data;
      return [row(EMPLOYMENTS, d.employmentId, d.entityId, d.entityName, d.wageBasis, d.rateFen)];
    }
    case 'OrderContracted': {
      const d = event.data;
      return [row(ORDERS, d.orderId, d.entityId, d.entityName)];
    }
    case 'ProjectFundsDisbursed':
    case 'LeaseEnded':
    case 'EmploymentEnded':
      // Nothing a statement line shows: rents paid carry the share and due of their period.
      return [];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
