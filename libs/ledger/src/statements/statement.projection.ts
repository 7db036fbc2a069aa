import type { GuaranteeToppedUp } from '../stakes/stake.events';
import type { DistributionPaid } from '../collectives/collective.events';
import { erasedColumns, erasedJsonField } from '../personal-data/erased-rows';
import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendEvent } from '../dividends/dividend.events';
import type { EmploymentEvent } from '../employment/employment.events';
import type { HouseholdEvent } from '../households/household.events';
import type { LeaseEvent } from '../leases/lease.events';
import type { LoanEvent } from '../loans/loan.events';
import type { OrderEvent } from '../orders/order.events';
import type { ProjectEvent } from '../projects/project.events';
import { FUND_SOURCES } from '../projects/project.events';
import { handledTypes } from '../projections/ledger-event';
import {
  eventOf,
  insertOnce,
  reissuedCopy,
  lastWins,
  row,
  rowStatement,
  type Projection,
  type RowSql,
} from '../projections/projection';

/**
 * One row per payment to a household (`statement_lines`), with everything its statement line shows:
 * the basis figures are composed when the payment is projected, from helper tables the earlier
 * events filled (declarations and what each household holds in them, lease, employment and order
 * terms, projects and their funds by source), so a statement is one indexed select. Reversals mark the line and keep
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

/**
 * The bank's side of a line: a return (退回) keeps its own recorded_at, as a reversal does, so a
 * statement as of an earlier instant still counts the payment; a reissue links both lines.
 */
export const statementBankMigration: Migration = {
  name: '0230-statement-bank',
  up: `
    alter table statement_lines
      add column returned_on        date,
      add column return_reason      text,
      add column return_detail      text,
      add column return_recorded_at timestamptz,
      add column reissued_as        text,
      add column reissue_of         text;
  `,
};

/**
 * An erased household's statement: the head, its workers' names in wage lines' bases, the reasons of
 * its reversals and the bank's notes on its returns read `[已删除]`; amounts and dates stay.
 */
const ERASED_HEAD = erasedColumns('statement_households', ['head_name']);
const ERASED_LINES = erasedColumns('statement_lines', ['reversal_reason', 'return_detail']);
const ERASED_WORKERS = erasedJsonField('statement_lines', 'basis', 'workerName');

type StatementEvent =
  | HouseholdEvent
  | ProjectEvent
  | DividendEvent
  | LeaseEvent
  | EmploymentEvent
  | OrderEvent
  | LoanEvent
  | GuaranteeToppedUp
  | DistributionPaid;

const STATEMENT_EVENT_TYPES = handledTypes<StatementEvent>({
  HouseholdRegistered: 'handles',
  HouseholdStatusChanged: 'handles',
  HouseholdErased: 'handles',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'handles',
  ProjectFundsReceived: 'handles',
  ProjectFundsDisbursed: 'handles',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'handles',
  DividendDeclared: 'handles',
  DividendPaid: 'handles',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'handles',
  LeaseSigned: 'handles',
  RentPaid: 'handles',
  LeaseEnded: 'handles',
  EmploymentStarted: 'handles',
  WagePaid: 'handles',
  EmploymentEnded: 'handles',
  OrderContracted: 'handles',
  PurchasePaid: 'handles',
  PaymentReversed: 'handles',
  PaymentReturned: 'handles',
  PaymentReissued: 'handles',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'handles',
  LoanRepaid: 'handles',
  LoanInterestSubsidised: 'handles',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

const LINE_COLUMNS = `payment_id, household_id, paid_on, amount_fen, form, kind, entity_id, entity_name, linkage_id,
  period, delivered_on, basis, recorded_at, recorded_by, position, reference`;

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
 * A declaration's allocations were kept only to sum them per household; the sums are now taken from
 * the event itself (DIVIDEND_HOUSEHOLDS), so the table and its two indexes are no longer written.
 */
export const statementAllocationsDroppedMigration: Migration = {
  name: '0203-statement-allocations-dropped',
  up: `drop table statement_allocations;`,
};

/**
 * The household's loans (扶贫小额信贷) for `holdings.loans`, and their repayments (principal only
 * matters: what is still owed), each with when it was recorded and reversed so that a statement as
 * of an earlier instant shows the loan as it stood. Repayments are not income: never lines.
 */
export const statementLoansMigration: Migration = {
  name: '0204-statement-loans',
  up: `
    create table statement_loans (
      loan_id      text primary key,
      household_id text        not null,
      lender       text        not null,
      contract_no  text,
      principal_fen bigint     not null,
      use          text        not null,
      entity_id    text,
      entity_name  text,
      disbursed_on date        not null,
      matures_on   date        not null,
      recorded_at  timestamptz not null
    );
    create index statement_loans_household on statement_loans (household_id);
    create table statement_loan_repayments (
      payment_id           text primary key,
      loan_id              text        not null,
      principal_fen        bigint      not null,
      recorded_at          timestamptz not null,
      reversal_recorded_at timestamptz
    );
    create index statement_loan_repayments_loan on statement_loan_repayments (loan_id);
  `,
};

/**
 * Statement v2: each line keeps its voucher number (凭证号). The events always carried it, the lines
 * did not, so the statement's read model is emptied with its checkpoint and rebuilt from the log when
 * the service starts (the runner replays it from the first event).
 */
export const statementReferencesMigration: Migration = {
  name: '0205-statement-references',
  up: `
    alter table statement_lines add column reference text;
    truncate statement_lines, statement_dividend_households, statement_declarations, statement_leases,
             statement_employments, statement_orders, statement_project_funds, statement_projects, statement_households,
             statement_loans, statement_loan_repayments;
    delete from projection_checkpoints where name = 'statement';
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
        -- offset 0: an index lookup per project; joined, the planner hashed every project for each line
        left join lateral (select p.name, p.fund_sources from statement_projects p
                            where p.project_id = ap.project_id offset 0) p on true) end
  ))`;

const HOUSEHOLDS = rowStatement({
  columns: {
    household_id: 'text',
    registration_no: 'text',
    head_name: 'text',
    members: 'int',
    village: 'text',
    township: 'text',
    county: 'text',
  },
  sql: `insert into statement_households (household_id, registration_no, head_name, members, village, township, county, status)
        select r.household_id, r.registration_no, r.head_name, r.members, r.village, r.township, r.county, 'enrolled'
          from ROWS order by r.ord
        on conflict (household_id) do nothing`,
  writes: ['statement_households'],
  keys: (r) => ({ reads: [], writes: [`statement_households:${String(r.household_id)}`] }),
});

/** The last status change recorded wins, as it would one by one. */
const HOUSEHOLD_STATUS = lastWins('statement_households', 'household_id', { household_id: 'text', status: 'text' });

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

const LOANS = insertOnce('statement_loans', 'loan_id', {
  loan_id: 'text',
  household_id: 'text',
  lender: 'text',
  contract_no: 'text',
  principal_fen: 'bigint',
  use: 'text',
  entity_id: 'text',
  entity_name: 'text',
  disbursed_on: 'date',
  matures_on: 'date',
  recorded_at: 'timestamptz',
});

const LOAN_REPAYMENTS = insertOnce('statement_loan_repayments', 'payment_id', {
  payment_id: 'text',
  loan_id: 'text',
  principal_fen: 'bigint',
  recorded_at: 'timestamptz',
});

/** Only the first reversal of a repayment counts, as for lines. */
const LOAN_REPAYMENT_REVERSED = rowStatement({
  columns: { payment_id: 'text', recorded_at: 'timestamptz' },
  sql: `update statement_loan_repayments p set reversal_recorded_at = v.recorded_at
          from (select distinct on (r.payment_id) r.payment_id, r.recorded_at from ROWS order by r.payment_id, r.ord) v
         where p.payment_id = v.payment_id and p.reversal_recorded_at is null`,
  reads: ['statement_loan_repayments'],
  writes: ['statement_loan_repayments'],
  keys: (r) => ({
    reads: [`statement_loan_repayments:${String(r.payment_id)}`],
    writes: [`statement_loan_repayments:${String(r.payment_id)}`],
  }),
});

type LineKind = 'dividend' | 'rent' | 'wage' | 'purchase' | 'interest_subsidy' | 'guarantee_topup' | 'distribution';

/** What a line of each kind reads of the helper tables (a dividend's basis lists projects: any of them). */
const LINE_READS: Record<LineKind, (linkageId: string) => string[]> = {
  dividend: (id) => [`statement_declarations:${id}`, `statement_dividend_households:${id}`, 'statement_projects'],
  rent: (id) => [`statement_leases:${id}`],
  wage: (id) => [`statement_employments:${id}`],
  purchase: (id) => [`statement_orders:${id}`],
  // A subsidy carries its loan's terms and entity itself.
  interest_subsidy: () => [],
  // A top-up carries its entity and figures itself.
  guarantee_topup: () => [],
  // A distribution's payment carries its collective and figures itself.
  distribution: () => [],
};

/**
 * Every payment's line, whatever its kind, in one statement (so that a page's payments of all kinds
 * are inserted at once): each kind takes its entity and basis from its own linkage's terms. A
 * dividend whose declaration is unknown makes no line; the other kinds fall back as shown.
 */
const LINES = rowStatement({
  columns: {
    kind: 'text',
    form: 'text',
    payment_id: 'text',
    household_id: 'text',
    paid_on: 'date',
    amount_fen: 'bigint',
    linkage_id: 'text',
    period: 'text',
    delivered_on: 'date',
    entity_id: 'text',
    entity_name: 'text',
    worker_name: 'text',
    days_worked: 'int',
    supplementary: 'boolean',
    period_share: 'text',
    due_fen: 'bigint',
    basis: 'jsonb',
    recorded_at: 'timestamptz',
    recorded_by: 'text',
    position: 'bigint',
    reference: 'text',
  },
  sql: `insert into statement_lines (${LINE_COLUMNS})
        select r.payment_id, r.household_id, r.paid_on, r.amount_fen, r.form, r.kind,
               case r.kind when 'dividend' then d.entity_id
                           when 'rent' then coalesce(l.entity_id, r.entity_id)
                           when 'wage' then coalesce(e.entity_id, '')
                           when 'interest_subsidy' then coalesce(r.entity_id, '')
                           when 'guarantee_topup' then r.entity_id
                           when 'distribution' then r.entity_id
                           else coalesce(o.entity_id, '') end,
               case r.kind when 'dividend' then d.entity_name
                           when 'rent' then coalesce(l.entity_name, r.entity_id)
                           when 'wage' then coalesce(e.entity_name, '')
                           when 'interest_subsidy' then coalesce(r.entity_name, '')
                           when 'guarantee_topup' then r.entity_name
                           when 'distribution' then r.entity_name
                           else coalesce(o.entity_name, '') end,
               r.linkage_id,
               case r.kind when 'dividend' then d.period else r.period end,
               r.delivered_on,
               case r.kind
                 when 'dividend' then ${DIVIDEND_BASIS}
                 when 'rent' then jsonb_build_object('leaseId', r.linkage_id, 'areaMu', l.area_mu,
                   'rentPerMuYearFen', l.rent_per_mu_year_fen, 'periodShare', r.period_share, 'dueFen', r.due_fen)
                 when 'wage' then jsonb_strip_nulls(jsonb_build_object('employmentId', r.linkage_id, 'workerName', r.worker_name,
                   'wageBasis', e.wage_basis, 'rateFen', e.rate_fen, 'daysWorked', r.days_worked,
                   'supplementary', r.supplementary))
                 else r.basis end,
               r.recorded_at, r.recorded_by, r.position, r.reference
          from ROWS
          left join statement_declarations d on r.kind = 'dividend' and d.declaration_id = r.linkage_id
          -- A lookup by key per dividend line (offset 0 keeps the planner from hashing the whole
          -- table, which grows by a row per household and declaration, for every page).
          left join lateral (select * from statement_dividend_households h
                              where r.kind = 'dividend' and h.declaration_id = r.linkage_id
                                and h.household_id = r.household_id offset 0) h on true
          left join statement_leases l on r.kind = 'rent' and l.lease_id = r.linkage_id
          left join statement_employments e on r.kind = 'wage' and e.employment_id = r.linkage_id
          left join statement_orders o on r.kind = 'purchase' and o.order_id = r.linkage_id
         where r.kind <> 'dividend' or d.declaration_id is not null
        on conflict (payment_id) do nothing`,
  reads: [
    'statement_declarations',
    'statement_dividend_households',
    'statement_projects',
    'statement_leases',
    'statement_employments',
    'statement_orders',
  ],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: LINE_READS[r.kind as LineKind](String(r.linkage_id)),
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
  // Unordered: the joins would otherwise cost a sort of every page's lines by r.ord.
  onePerKey: true,
});

/** A line's column values for LINES, kind-specific ones null unless given. */
function line(
  recorded: RecordedEvent,
  recordedBy: string | null,
  l: {
    kind: LineKind;
    form: 'equity' | 'lease' | 'labour' | 'order' | 'credit' | 'collective';
    paymentId: string;
    householdId: string;
    paidOn: string;
    amountFen: number;
    linkageId: string;
    period?: string;
    deliveredOn?: string;
    entityId?: string;
    entityName?: string;
    workerName?: string;
    daysWorked?: number | null;
    supplementary?: boolean;
    periodShare?: string;
    dueFen?: number;
    basis?: string;
    reference?: string;
  },
): RowSql {
  return row(
    LINES,
    l.kind,
    l.form,
    l.paymentId,
    l.householdId,
    l.paidOn,
    l.amountFen,
    l.linkageId,
    l.period ?? null,
    l.deliveredOn ?? null,
    l.entityId ?? null,
    l.entityName ?? null,
    l.workerName ?? null,
    l.daysWorked ?? null,
    l.supplementary ?? null,
    l.periodShare ?? null,
    l.dueFen ?? null,
    l.basis ?? null,
    recorded.recordedAt,
    recordedBy,
    recorded.position,
    l.reference ?? null,
  );
}

/** Only the first reversal of a line counts. */
const REVERSED = rowStatement({
  columns: { payment_id: 'text', reversal_id: 'text', reason: 'text', recorded_at: 'timestamptz' },
  sql: `update statement_lines l
           set reversal_id = v.reversal_id, reversal_reason = v.reason, reversal_recorded_at = v.recorded_at
          from (select distinct on (r.payment_id) r.payment_id, r.reversal_id, r.reason, r.recorded_at
                  from ROWS order by r.payment_id, r.ord) v
         where l.payment_id = v.payment_id and l.reversal_id is null`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.payment_id)}`],
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
});

/** Only the first return of a line counts (a returned payment cannot be returned again). */
const RETURNED = rowStatement({
  columns: { payment_id: 'text', returned_on: 'date', reason: 'text', detail: 'text', recorded_at: 'timestamptz' },
  sql: `update statement_lines l
           set returned_on = v.returned_on, return_reason = v.reason, return_detail = v.detail,
               return_recorded_at = v.recorded_at
          from (select distinct on (r.payment_id) r.payment_id, r.returned_on, r.reason, r.detail, r.recorded_at
                  from ROWS order by r.payment_id, r.ord) v
         where l.payment_id = v.payment_id and l.return_recorded_at is null`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.payment_id)}`],
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
});

/** The reissue's line: the returned line's kind, basis and linkage, paid again on another day. */
const REISSUED = reissuedCopy(
  'statement_lines',
  [
    'household_id',
    'amount_fen',
    'form',
    'kind',
    'entity_id',
    'entity_name',
    'linkage_id',
    'period',
    'delivered_on',
    'basis',
  ],
  // The reissue's own voucher (凭证号): the bank's new transfer, not the returned one's.
  { paid_on: 'date', recorded_at: 'timestamptz', recorded_by: 'text', position: 'bigint', reference: 'text' },
);

/** The returned line learns which payment paid it again. */
const REISSUED_AS = rowStatement({
  columns: { payment_id: 'text', reissue_of: 'text' },
  sql: `update statement_lines l set reissued_as = r.payment_id from ROWS where l.payment_id = r.reissue_of`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.reissue_of)}`],
    writes: [`statement_lines:${String(r.reissue_of)}`],
  }),
});

const REISSUE_OF = rowStatement({
  columns: { payment_id: 'text', reissue_of: 'text' },
  sql: `update statement_lines l set reissue_of = r.reissue_of from ROWS where l.payment_id = r.payment_id`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.payment_id)}`],
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
});

/** Statement lines for every payment to a household, explained from the events alone. */
export const statementProjection: Projection = {
  name: 'statement',
  handles: STATEMENT_EVENT_TYPES,
  tables: [
    'statement_lines',
    'statement_dividend_households',
    'statement_declarations',
    'statement_leases',
    'statement_employments',
    'statement_orders',
    'statement_loan_repayments',
    'statement_loans',
    'statement_project_funds',
    'statement_projects',
    'statement_households',
  ],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<StatementEvent>(recorded, STATEMENT_EVENT_TYPES);
    if (!event) return [];
    const recordedBy = typeof recorded.metadata.userId === 'string' ? recorded.metadata.userId : null;
    switch (event.type) {
      case 'HouseholdRegistered': {
        const d = event.data;
        return [
          row(HOUSEHOLDS, d.householdId, d.registrationNo, d.headName, d.members, d.village, d.township, d.county),
        ];
      }
      case 'HouseholdStatusChanged':
        return [row(HOUSEHOLD_STATUS, event.data.householdId, event.data.status)];
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
      case 'DividendPaid': {
        const d = event.data;
        // A dividend paid to a collective is its income, shown by GET /v1/collectives/{id}, not a household's line.
        if (d.householdId === undefined) return [];
        return [
          line(recorded, recordedBy, {
            kind: 'dividend',
            form: 'equity',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.declarationId,
            reference: d.reference,
          }),
        ];
      }
      case 'LeaseSigned': {
        const d = event.data;
        return [row(LEASES, d.leaseId, d.entityId, d.entityName, d.areaMu, d.rentPerMuYearFen)];
      }
      case 'RentPaid': {
        const d = event.data;
        return [
          line(recorded, recordedBy, {
            kind: 'rent',
            form: 'lease',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.leaseId,
            period: d.period,
            entityId: d.entityId,
            periodShare: d.share,
            dueFen: d.dueFen,
            reference: d.reference,
          }),
        ];
      }
      case 'EmploymentStarted': {
        const d = event.data;
        return [row(EMPLOYMENTS, d.employmentId, d.entityId, d.entityName, d.wageBasis, d.rateFen)];
      }
      case 'WagePaid': {
        const d = event.data;
        return [
          line(recorded, recordedBy, {
            kind: 'wage',
            form: 'labour',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.employmentId,
            period: d.period,
            workerName: d.workerName,
            daysWorked: d.daysWorked ?? null,
            supplementary: d.supplementary,
            reference: d.reference,
          }),
        ];
      }
      case 'OrderContracted': {
        const d = event.data;
        return [row(ORDERS, d.orderId, d.entityId, d.entityName)];
      }
      case 'PurchasePaid': {
        const d = event.data;
        // A purchase has no period of its own: the line shows the month the produce was delivered.
        return [
          line(recorded, recordedBy, {
            kind: 'purchase',
            form: 'order',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.orderId,
            period: d.deliveredOn.slice(0, 7),
            deliveredOn: d.deliveredOn,
            basis: JSON.stringify({
              orderId: d.orderId,
              product: d.product,
              unit: d.unit,
              quantity: d.quantity,
              priceFen: d.priceFen,
            }),
            reference: d.reference,
          }),
        ];
      }
      case 'LoanDisbursed': {
        const d = event.data;
        return [
          row(
            LOANS,
            d.loanId,
            d.householdId,
            d.lender,
            d.contractNo ?? null,
            d.principalFen,
            d.use,
            d.entityId ?? null,
            d.entityName ?? null,
            d.disbursedOn,
            d.maturesOn,
            recorded.recordedAt,
          ),
        ];
      }
      case 'LoanRepaid':
        // Not income: no line; only what is still owed on the loan, for holdings.
        return [
          row(LOAN_REPAYMENTS, event.data.paymentId, event.data.loanId, event.data.principalFen, recorded.recordedAt),
        ];
      case 'LoanInterestSubsidised': {
        const d = event.data;
        return [
          line(recorded, recordedBy, {
            kind: 'interest_subsidy',
            form: 'credit',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.loanId,
            // A subsidy has no period of its own: the line shows the year it was paid in.
            period: d.paidOn.slice(0, 4),
            ...(d.entityId === undefined ? {} : { entityId: d.entityId, entityName: d.entityName ?? '' }),
            basis: JSON.stringify({
              loanId: d.loanId,
              lender: d.lender,
              principalFen: d.principalFen,
              annualRateBp: d.annualRateBp,
              subsidyRateBp: d.subsidyRateBp,
              interestRepaidFen: d.interestRepaidFen,
              capFen: d.capFen,
            }),
            reference: d.reference,
          }),
        ];
      }
      case 'GuaranteeToppedUp': {
        const d = event.data;
        return [
          line(recorded, recordedBy, {
            kind: 'guarantee_topup',
            form: 'equity',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.stakeId,
            period: d.period,
            entityId: d.entityId,
            entityName: d.entityName,
            basis: JSON.stringify({
              stakeId: d.stakeId,
              period: d.period,
              guaranteedFen: d.guaranteedFen,
              declaredFen: d.declaredFen,
              shortfallFen: d.shortfallFen,
              payer: d.payer,
              ...(d.projectId === undefined ? {} : { projectId: d.projectId }),
            }),
          }),
        ];
      }
      case 'DistributionPaid': {
        const d = event.data;
        return [
          line(recorded, recordedBy, {
            kind: 'distribution',
            form: 'collective',
            paymentId: d.paymentId,
            householdId: d.householdId,
            paidOn: d.paidOn,
            amountFen: d.amountFen,
            linkageId: d.distributionId,
            period: d.period,
            entityId: d.collectiveId,
            entityName: d.collectiveName,
            basis: JSON.stringify({
              distributionId: d.distributionId,
              collectiveId: d.collectiveId,
              collectiveName: d.collectiveName,
              basis: d.basis,
              weight: d.weight,
              totalWeight: d.totalWeight,
              poolFen: d.poolFen,
              incomeSources: d.incomeSources,
            }),
            reference: d.reference,
          }),
        ];
      }
      case 'PaymentReversed': {
        const { paymentId, reversalId, reason } = event.data;
        const reversed = [row(REVERSED, paymentId, reversalId, reason, recorded.recordedAt)];
        // A loan's payment may be a repayment, which has no line but lowers what is owed.
        return paymentId.startsWith('loan-')
          ? [...reversed, row(LOAN_REPAYMENT_REVERSED, paymentId, recorded.recordedAt)]
          : reversed;
      }
      case 'PaymentReturned': {
        const { paymentId, returnedOn, reason, detail } = event.data;
        return [row(RETURNED, paymentId, returnedOn, reason, detail ?? null, recorded.recordedAt)];
      }
      case 'PaymentReissued': {
        const { paymentId, reissueOf, paidOn, reference } = event.data;
        return [
          row(
            REISSUED,
            paymentId,
            reissueOf,
            paidOn,
            recorded.recordedAt,
            recordedBy,
            recorded.position,
            reference ?? null,
          ),
          row(REISSUE_OF, paymentId, reissueOf),
          row(REISSUED_AS, paymentId, reissueOf),
        ];
      }
      case 'ProjectFundsDisbursed':
      case 'LeaseEnded':
      case 'EmploymentEnded':
        // Nothing a statement line shows: rents paid carry the share and due of their period.
        return [];
      case 'HouseholdErased': {
        const id = event.data.householdId;
        return [row(ERASED_HEAD, id), row(ERASED_LINES, id), row(ERASED_WORKERS, id)];
      }
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
