import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendEvent } from '../dividends/dividend.events';
import type { EmploymentEvent } from '../employment/employment.events';
import type { HouseholdEvent } from '../households/household.events';
import type { LeaseEvent } from '../leases/lease.events';
import type { OrderEvent } from '../orders/order.events';
import type { ProjectEvent } from '../projects/project.events';
import { FUND_SOURCES } from '../projects/project.events';
import { eventOf, type Projection, type Sql } from '../projections/projection';

/**
 * One row per payment to a household (`statement_lines`), with everything its statement line shows:
 * the basis figures are composed when the payment is projected, from helper tables the earlier
 * events filled (declarations and their allocations, lease, employment and order terms, projects and
 * their funds by source), so a statement is one indexed select. Reversals mark the line and keep
 * their own recorded_at, so a statement as of an earlier instant does not count them.
 */
export const statementMigration: Migration = {
  name: '0200-statement',
  up: `
    create table statement_households (
      household_id    text primary key,
      registration_no text not null,
      head_name       text not null,
      members         int  not null,
      village         text not null,
      township        text not null,
      county          text not null,
      status          text not null
    );
    create table statement_projects (
      project_id text primary key,
      name       text not null
    );
    create table statement_project_funds (
      event_id   text primary key,
      project_id text   not null,
      source     text   not null,
      amount_fen bigint not null
    );
    create index statement_project_funds_project on statement_project_funds (project_id);
    create table statement_declarations (
      declaration_id text primary key,
      entity_id      text   not null,
      entity_name    text   not null,
      period         text   not null,
      period_share   text   not null,
      pool_fen       bigint,
      total_shares   bigint not null
    );
    create table statement_allocations (
      declaration_id        text   not null,
      stake_id              text   not null,
      ord                   int    not null,
      household_id          text   not null,
      shares                bigint not null,
      guaranteed_yearly_fen bigint,
      project_id            text,
      source                text   not null,
      amount_fen            bigint not null,
      primary key (declaration_id, stake_id)
    );
    create index statement_allocations_household on statement_allocations (declaration_id, household_id);
    create table statement_leases (
      lease_id             text primary key,
      entity_id            text   not null,
      entity_name          text   not null,
      area_mu              text   not null,
      rent_per_mu_year_fen bigint not null
    );
    create table statement_employments (
      employment_id text primary key,
      entity_id     text   not null,
      entity_name   text   not null,
      wage_basis    text   not null,
      rate_fen      bigint not null
    );
    create table statement_orders (
      order_id    text primary key,
      entity_id   text not null,
      entity_name text not null
    );
    create table statement_lines (
      payment_id           text primary key,
      household_id         text        not null,
      paid_on              date        not null,
      amount_fen           bigint      not null,
      form                 text        not null,
      kind                 text        not null,
      entity_id            text        not null,
      entity_name          text        not null,
      linkage_id           text        not null,
      period               text        not null,
      delivered_on         date,
      basis                jsonb       not null,
      recorded_at          timestamptz not null,
      recorded_by          text,
      position             bigint      not null,
      reversal_id          text,
      reversal_reason      text,
      reversal_recorded_at timestamptz
    );
    create index statement_lines_household on statement_lines (household_id, paid_on);
  `,
};

type StatementEvent = HouseholdEvent | ProjectEvent | DividendEvent | LeaseEvent | EmploymentEvent | OrderEvent;

const STATEMENT_EVENT_TYPES: readonly StatementEvent['type'][] = [
  'HouseholdRegistered',
  'HouseholdStatusChanged',
  'ProjectRegistered',
  'ProjectFundsReceived',
  'ProjectFundsDisbursed',
  'DividendDeclared',
  'DividendPaid',
  'PaymentReversed',
  'LeaseSigned',
  'RentPaid',
  'LeaseEnded',
  'EmploymentStarted',
  'WagePaid',
  'EmploymentEnded',
  'OrderContracted',
  'PurchasePaid',
];

const LINE_COLUMNS = `payment_id, household_id, paid_on, amount_fen, form, kind, entity_id, entity_name, linkage_id,
  period, delivered_on, basis, recorded_at, recorded_by, position`;

/** Fund sources in the contract's order, for listing a project's money source by source. */
const SOURCE_ORDER = `array[${FUND_SOURCES.map((s) => `'${s}'`).join(', ')}]::text[]`;

/** The per-household sums of a declaration's allocations (grouped by declaration and household, alias `a`). */
const DIVIDEND_HOUSEHOLD_COLUMNS = `
  jsonb_agg(a.stake_id order by a.ord), sum(a.shares), sum(a.guaranteed_yearly_fen), sum(a.amount_fen),
  coalesce((array_agg(a.project_id order by a.ord) filter (where a.source = 'fiscal_fund' and a.project_id is not null)), '{}')`;

/** Project `p`'s money by source, in the contract's order, as a statement's dividend basis lists it. */
const PROJECT_FUND_SOURCES = `coalesce((
  select jsonb_agg(jsonb_build_object('source', f.source, 'amountFen', f.amount_fen)
                   order by array_position(${SOURCE_ORDER}, f.source), f.source)
    from (select source, sum(amount_fen) as amount_fen from statement_project_funds
           where project_id = p.project_id group by source) f), '[]'::jsonb)`;

/**
 * What household $2 holds in declaration $1, summed over its stakes once when the declaration is
 * projected (allocations never change afterwards), so that projecting each of the declaration's
 * payments is a key lookup instead of five aggregates over the allocations.
 */
export const statementDividendHouseholdsMigration: Migration = {
  name: '0201-statement-dividend-households',
  up: `
    create table statement_dividend_households (
      declaration_id        text   not null,
      household_id          text   not null,
      stake_ids             jsonb  not null,
      shares                bigint not null,
      guaranteed_yearly_fen bigint,
      allocated_fen         bigint not null,
      -- projects whose fiscal funds bought the household's stakes, in the order of its first such stake
      project_ids           text[] not null,
      primary key (declaration_id, household_id)
    );
    insert into statement_dividend_households
      select declaration_id, household_id, ${DIVIDEND_HOUSEHOLD_COLUMNS}
        from statement_allocations a group by declaration_id, household_id;
  `,
};

/** Each project's money by source, kept on the project so that a dividend line copies it instead of summing the funds. */
export const statementProjectFundSourcesMigration: Migration = {
  name: '0202-statement-project-fund-sources',
  up: `
    alter table statement_projects add column fund_sources jsonb not null default '[]';
    update statement_projects p set fund_sources = ${PROJECT_FUND_SOURCES};
  `,
};

/**
 * The dividend basis of household $2 on declaration $1 (aliases `d` for the declaration, `h` for the
 * household's sums, null when it has no allocation): its stakes, shares and allocation over all of
 * them, and the projects whose fiscal funds bought them, each with its funds by source as projected
 * when the payment is.
 */
const DIVIDEND_BASIS = `
  jsonb_strip_nulls(jsonb_build_object(
    'declarationId', d.declaration_id,
    'stakeIds', coalesce(h.stake_ids, '[]'::jsonb),
    'shares', coalesce(h.shares, 0),
    'totalShares', d.total_shares,
    'poolFen', d.pool_fen,
    'guaranteedYearlyFen', case when d.pool_fen is null then h.guaranteed_yearly_fen end,
    'periodShare', d.period_share,
    'allocatedFen', coalesce(h.allocated_fen, 0),
    'projects', case when coalesce(cardinality(h.project_ids), 0) = 0 then '[]'::jsonb else (
      select jsonb_agg(jsonb_build_object(
               'projectId', ap.project_id,
               'projectName', coalesce(p.name, ap.project_id),
               'fundSources', coalesce(p.fund_sources, '[]'::jsonb))
             order by ap.first_ord)
        from (select u.project_id, min(u.ord) as first_ord from unnest(h.project_ids) with ordinality as u(project_id, ord)
               group by u.project_id) ap
        left join statement_projects p on p.project_id = ap.project_id) end
  ))`;

/** Statement lines for every payment to a household, explained from the events alone. */
export const statementProjection: Projection = {
  name: 'statement',
  tables: [
    'statement_lines',
    'statement_dividend_households',
    'statement_allocations',
    'statement_declarations',
    'statement_leases',
    'statement_employments',
    'statement_orders',
    'statement_project_funds',
    'statement_projects',
    'statement_households',
  ],
  apply(recorded: RecordedEvent): Sql[] {
    const event = eventOf<StatementEvent>(recorded, STATEMENT_EVENT_TYPES);
    if (!event) return [];
    const recordedBy = typeof recorded.metadata.userId === 'string' ? recorded.metadata.userId : null;
    switch (event.type) {
      case 'HouseholdRegistered': {
        const d = event.data;
        return [
          {
            text: `insert into statement_households (household_id, registration_no, head_name, members, village, township, county, status)
                   values ($1, $2, $3, $4, $5, $6, $7, 'enrolled') on conflict (household_id) do nothing`,
            values: [d.householdId, d.registrationNo, d.headName, d.members, d.village, d.township, d.county],
          },
        ];
      }
      case 'HouseholdStatusChanged':
        return [
          {
            text: 'update statement_households set status = $2 where household_id = $1',
            values: [event.data.householdId, event.data.status],
          },
        ];
      case 'ProjectRegistered':
        return [
          {
            text: 'insert into statement_projects (project_id, name) values ($1, $2) on conflict (project_id) do nothing',
            values: [event.data.projectId, event.data.name],
          },
        ];
      case 'ProjectFundsReceived':
        return [
          {
            text: `insert into statement_project_funds (event_id, project_id, source, amount_fen)
                   values ($1, $2, $3, $4) on conflict (event_id) do nothing`,
            values: [recorded.id, event.data.projectId, event.data.source, event.data.amountFen],
          },
          {
            // Kept summed by source on the project, so each dividend line copies it instead of summing.
            text: `update statement_projects p set fund_sources = ${PROJECT_FUND_SOURCES} where p.project_id = $1`,
            values: [event.data.projectId],
          },
        ];
      case 'DividendDeclared': {
        const d = event.data;
        return [
          {
            text: `insert into statement_declarations (declaration_id, entity_id, entity_name, period, period_share, pool_fen, total_shares)
                   values ($1, $2, $3, $4, $5, $6, $7) on conflict (declaration_id) do nothing`,
            values: [
              d.declarationId,
              d.entityId,
              d.entityName,
              d.period,
              d.periodShare,
              d.poolFen ?? null,
              d.totalShares,
            ],
          },
          {
            text: `insert into statement_allocations
                     (declaration_id, stake_id, ord, household_id, shares, guaranteed_yearly_fen, project_id, source, amount_fen)
                   select $1::text, a.stake_id, a.ord, a.household_id, a.shares, a.guaranteed_yearly_fen, a.project_id, a.source, a.amount_fen
                     from jsonb_to_recordset($2::jsonb) as a(stake_id text, ord int, household_id text, shares bigint,
                            guaranteed_yearly_fen bigint, project_id text, source text, amount_fen bigint)
                   on conflict (declaration_id, stake_id) do nothing`,
            values: [
              d.declarationId,
              JSON.stringify(
                d.allocations.map((a, ord) => ({
                  stake_id: a.stakeId,
                  ord,
                  household_id: a.householdId,
                  shares: a.shares,
                  guaranteed_yearly_fen: a.guaranteedYearlyFen ?? null,
                  project_id: a.projectId ?? null,
                  source: a.source,
                  amount_fen: a.amountFen,
                })),
              ),
            ],
          },
          {
            text: `insert into statement_dividend_households
                   select a.declaration_id, a.household_id, ${DIVIDEND_HOUSEHOLD_COLUMNS}
                     from statement_allocations a where a.declaration_id = $1::text
                    group by a.declaration_id, a.household_id
                   on conflict (declaration_id, household_id) do nothing`,
            values: [d.declarationId],
          },
        ];
      }
      case 'DividendPaid': {
        const d = event.data;
        return [
          {
            text: `insert into statement_lines (${LINE_COLUMNS})
                   select $3::text, $2::text, $4::date, $5::bigint, 'equity', 'dividend', d.entity_id, d.entity_name,
                          d.declaration_id, d.period, null::date, ${DIVIDEND_BASIS}, $6::timestamptz, $7::text, $8::bigint
                     from statement_declarations d
                     left join statement_dividend_households h on h.declaration_id = d.declaration_id and h.household_id = $2::text
                    where d.declaration_id = $1::text
                   on conflict (payment_id) do nothing`,
            values: [
              d.declarationId,
              d.householdId,
              d.paymentId,
              d.paidOn,
              d.amountFen,
              recorded.recordedAt,
              recordedBy,
              recorded.position,
            ],
          },
        ];
      }
      case 'LeaseSigned': {
        const d = event.data;
        return [
          {
            text: `insert into statement_leases (lease_id, entity_id, entity_name, area_mu, rent_per_mu_year_fen)
                   values ($1, $2, $3, $4, $5) on conflict (lease_id) do nothing`,
            values: [d.leaseId, d.entityId, d.entityName, d.areaMu, d.rentPerMuYearFen],
          },
        ];
      }
      case 'RentPaid': {
        const d = event.data;
        return [
          {
            text: `insert into statement_lines (${LINE_COLUMNS})
                   select $2::text, $3::text, $4::date, $5::bigint, 'lease', 'rent', coalesce(l.entity_id, $6::text),
                          coalesce(l.entity_name, $6::text), $1::text, $7::text, null::date,
                          jsonb_build_object('leaseId', $1::text, 'areaMu', l.area_mu,
                            'rentPerMuYearFen', l.rent_per_mu_year_fen, 'periodShare', $8::text, 'dueFen', $9::bigint),
                          $10::timestamptz, $11::text, $12::bigint
                     from (select 1) one left join statement_leases l on l.lease_id = $1::text
                   on conflict (payment_id) do nothing`,
            values: [
              d.leaseId,
              d.paymentId,
              d.householdId,
              d.paidOn,
              d.amountFen,
              d.entityId,
              d.period,
              d.share,
              d.dueFen,
              recorded.recordedAt,
              recordedBy,
              recorded.position,
            ],
          },
        ];
      }
      case 'EmploymentStarted': {
        const d = event.data;
        return [
          {
            text: `insert into statement_employments (employment_id, entity_id, entity_name, wage_basis, rate_fen)
                   values ($1, $2, $3, $4, $5) on conflict (employment_id) do nothing`,
            values: [d.employmentId, d.entityId, d.entityName, d.wageBasis, d.rateFen],
          },
        ];
      }
      case 'WagePaid': {
        const d = event.data;
        return [
          {
            text: `insert into statement_lines (${LINE_COLUMNS})
                   select $2::text, $3::text, $4::date, $5::bigint, 'labour', 'wage', coalesce(e.entity_id, ''),
                          coalesce(e.entity_name, ''), $1::text, $6::text, null::date,
                          jsonb_strip_nulls(jsonb_build_object('employmentId', $1::text, 'workerName', $7::text,
                            'wageBasis', e.wage_basis, 'rateFen', e.rate_fen, 'daysWorked', $8::int,
                            'supplementary', $9::boolean)),
                          $10::timestamptz, $11::text, $12::bigint
                     from (select 1) one left join statement_employments e on e.employment_id = $1::text
                   on conflict (payment_id) do nothing`,
            values: [
              d.employmentId,
              d.paymentId,
              d.householdId,
              d.paidOn,
              d.amountFen,
              d.period,
              d.workerName,
              d.daysWorked ?? null,
              d.supplementary,
              recorded.recordedAt,
              recordedBy,
              recorded.position,
            ],
          },
        ];
      }
      case 'OrderContracted': {
        const d = event.data;
        return [
          {
            text: `insert into statement_orders (order_id, entity_id, entity_name)
                   values ($1, $2, $3) on conflict (order_id) do nothing`,
            values: [d.orderId, d.entityId, d.entityName],
          },
        ];
      }
      case 'PurchasePaid': {
        const d = event.data;
        return [
          {
            // A purchase has no period of its own: the line shows the month the produce was delivered.
            text: `insert into statement_lines (${LINE_COLUMNS})
                   select $2::text, $3::text, $4::date, $5::bigint, 'order', 'purchase', coalesce(o.entity_id, ''),
                          coalesce(o.entity_name, ''), $1::text, $6::text, $7::date, $8::jsonb, $9::timestamptz,
                          $10::text, $11::bigint
                     from (select 1) one left join statement_orders o on o.order_id = $1::text
                   on conflict (payment_id) do nothing`,
            values: [
              d.orderId,
              d.paymentId,
              d.householdId,
              d.paidOn,
              d.amountFen,
              d.deliveredOn.slice(0, 7),
              d.deliveredOn,
              JSON.stringify({
                orderId: d.orderId,
                product: d.product,
                unit: d.unit,
                quantity: d.quantity,
                priceFen: d.priceFen,
              }),
              recorded.recordedAt,
              recordedBy,
              recorded.position,
            ],
          },
        ];
      }
      case 'PaymentReversed':
        return [
          {
            text: `update statement_lines set reversal_id = $2, reversal_reason = $3, reversal_recorded_at = $4
                    where payment_id = $1 and reversal_id is null`,
            values: [event.data.paymentId, event.data.reversalId, event.data.reason, recorded.recordedAt],
          },
        ];
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
  },
};
