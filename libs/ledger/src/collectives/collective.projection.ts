import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared, DividendPaid } from '../dividends/dividend.events';
import type { EntityRegistered } from '../entities/entity.events';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import { handledTypes } from '../projections/ledger-event';
import {
  eventOf,
  insertOnce,
  reissuedCopy,
  row,
  rowStatement,
  type Projection,
  type RowSql,
} from '../projections/projection';
import type { StakeAcquired, StakeEnded } from '../stakes/stake.events';
import type { DistributionDeclared, DistributionPaid } from './collective.events';

/**
 * A village collective's ledger (`GET /v1/collectives/{id}`, and the income a distribution is
 * checked against): the stakes it holds, the dividends paid to it, its distributions and what they
 * paid households, each payment with whether it was reversed or returned.
 */
export const collectiveLedgerMigration: Migration = {
  name: '0960-collective-ledger',
  up: `
    create table collective_entities (
      entity_id text primary key,
      name      text not null,
      kind      text not null,
      township  text not null
    );
    create table collective_stakes (
      stake_id      text primary key,
      collective_id text   not null,
      entity_id     text   not null,
      source        text   not null,
      project_id    text,
      principal_fen bigint not null,
      shares        bigint not null,
      starts_on     text   not null,
      ends_on       text
    );
    create index collective_stakes_collective on collective_stakes (collective_id);
    create table collective_declarations (
      declaration_id text primary key,
      entity_id      text not null,
      period         text not null,
      allocations    jsonb not null
    );
    create table collective_distributions (
      distribution_id text primary key,
      collective_id   text   not null,
      ordinal         int    not null,
      period          text   not null,
      declared_on     text   not null,
      pool_fen        bigint not null,
      basis           text   not null,
      total_weight    bigint not null,
      allocations     jsonb  not null,
      income_sources  jsonb  not null
    );
    create index collective_distributions_collective on collective_distributions (collective_id, ordinal);
    create table collective_payments (
      payment_id    text primary key,
      kind          text    not null check (kind in ('income', 'distribution')),
      linkage_id    text    not null,
      collective_id text    not null,
      payee_id      text    not null,
      amount_fen    bigint  not null,
      paid_on       text    not null,
      reference     text,
      reissue_of    text,
      reversed      boolean not null default false,
      returned      boolean not null default false
    );
    create index collective_payments_collective on collective_payments (collective_id, kind);
  `,
};

type CollectiveLedgerEvent =
  | EntityRegistered
  | StakeAcquired
  | StakeEnded
  | DividendDeclared
  | DividendPaid
  | DistributionDeclared
  | DistributionPaid
  | PaymentReversed
  | PaymentBankEvent;

const TYPES = handledTypes<CollectiveLedgerEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
  EntityRegistered: 'handles',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'handles',
  StakeEnded: 'handles',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'handles',
  DividendPaid: 'handles',
  DistributionDeclared: 'handles',
  DistributionPaid: 'handles',
  LeaseSigned: 'ignores',
  RentPaid: 'ignores',
  LeaseEnded: 'ignores',
  EmploymentStarted: 'ignores',
  WagePaid: 'ignores',
  EmploymentEnded: 'ignores',
  OrderContracted: 'ignores',
  PurchasePaid: 'ignores',
  PaymentReversed: 'handles',
  PaymentReturned: 'handles',
  PaymentReissued: 'handles',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

const ENTITIES = insertOnce('collective_entities', 'entity_id', {
  entity_id: 'text',
  name: 'text',
  kind: 'text',
  township: 'text',
});

const STAKES = insertOnce('collective_stakes', 'stake_id', {
  stake_id: 'text',
  collective_id: 'text',
  entity_id: 'text',
  source: 'text',
  project_id: 'text',
  principal_fen: 'bigint',
  shares: 'bigint',
  starts_on: 'text',
  ends_on: 'text',
});

const STAKE_ENDED = rowStatement({
  columns: { stake_id: 'text', ends_on: 'text' },
  sql: `update collective_stakes s set ends_on = v.ends_on
          from (select distinct on (r.stake_id) r.stake_id, r.ends_on from ROWS order by r.stake_id, r.ord desc) v
         where s.stake_id = v.stake_id`,
  reads: ['collective_stakes'],
  writes: ['collective_stakes'],
});

const DECLARATIONS = insertOnce('collective_declarations', 'declaration_id', {
  declaration_id: 'text',
  entity_id: 'text',
  period: 'text',
  allocations: 'jsonb',
});

const DISTRIBUTIONS = insertOnce('collective_distributions', 'distribution_id', {
  distribution_id: 'text',
  collective_id: 'text',
  ordinal: 'int',
  period: 'text',
  declared_on: 'text',
  pool_fen: 'bigint',
  basis: 'text',
  total_weight: 'bigint',
  allocations: 'jsonb',
  income_sources: 'jsonb',
});

const PAYMENTS = insertOnce('collective_payments', 'payment_id', {
  payment_id: 'text',
  kind: 'text',
  linkage_id: 'text',
  collective_id: 'text',
  payee_id: 'text',
  amount_fen: 'bigint',
  paid_on: 'text',
  reference: 'text',
});

/** A reversal or a return: either way the payment no longer counts as received. */
const undone = (column: 'reversed' | 'returned') =>
  rowStatement({
    columns: { payment_id: 'text' },
    sql: `update collective_payments p set ${column} = true where p.payment_id in (select r.payment_id from ROWS)`,
    reads: ['collective_payments'],
    writes: ['collective_payments'],
    keys: (r) => ({
      reads: [`collective_payments:${String(r.payment_id)}`],
      writes: [`collective_payments:${String(r.payment_id)}`],
    }),
  });
const REVERSED = undone('reversed');
const RETURNED = undone('returned');

const REISSUED = reissuedCopy(
  'collective_payments',
  ['kind', 'linkage_id', 'collective_id', 'payee_id', 'amount_fen'],
  { paid_on: 'text', reference: 'text' },
);

export const collectiveLedgerProjection: Projection = {
  name: 'collective-ledger',
  handles: TYPES,
  tables: [
    'collective_payments',
    'collective_distributions',
    'collective_declarations',
    'collective_stakes',
    'collective_entities',
  ],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<CollectiveLedgerEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'EntityRegistered': {
        const d = event.data;
        return [row(ENTITIES, d.entityId, d.name, d.kind, d.township)];
      }
      case 'StakeAcquired': {
        const d = event.data;
        if (d.collectiveId === undefined) return [];
        return [
          row(
            STAKES,
            d.stakeId,
            d.collectiveId,
            d.entityId,
            d.source,
            d.projectId ?? null,
            d.principalFen,
            d.shares,
            d.startsOn,
            d.endsOn ?? null,
          ),
        ];
      }
      case 'StakeEnded':
        return [row(STAKE_ENDED, event.data.stakeId, event.data.endsOn)];
      case 'DividendDeclared': {
        const d = event.data;
        const toCollectives = d.allocations.filter((a) => a.collectiveId !== undefined);
        if (toCollectives.length === 0) return [];
        return [row(DECLARATIONS, d.declarationId, d.entityId, d.period, JSON.stringify(toCollectives))];
      }
      case 'DividendPaid': {
        const d = event.data;
        if (d.collectiveId === undefined) return [];
        return [
          row(
            PAYMENTS,
            d.paymentId,
            'income',
            d.declarationId,
            d.collectiveId,
            d.collectiveId,
            d.amountFen,
            d.paidOn,
            d.reference ?? null,
          ),
        ];
      }
      case 'DistributionDeclared': {
        const d = event.data;
        return [
          row(
            DISTRIBUTIONS,
            d.distributionId,
            d.collectiveId,
            d.ordinal,
            d.period,
            d.declaredOn,
            d.poolFen,
            d.basis,
            d.totalWeight,
            JSON.stringify(d.allocations),
            JSON.stringify(d.incomeSources),
          ),
        ];
      }
      case 'DistributionPaid': {
        const d = event.data;
        return [
          row(
            PAYMENTS,
            d.paymentId,
            'distribution',
            d.distributionId,
            d.collectiveId,
            d.householdId,
            d.amountFen,
            d.paidOn,
            d.reference ?? null,
          ),
        ];
      }
      case 'PaymentReversed':
        return [row(REVERSED, event.data.paymentId)];
      case 'PaymentReturned':
        return [row(RETURNED, event.data.paymentId)];
      case 'PaymentReissued':
        return [
          row(REISSUED, event.data.paymentId, event.data.reissueOf, event.data.paidOn, event.data.reference ?? null),
        ];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
