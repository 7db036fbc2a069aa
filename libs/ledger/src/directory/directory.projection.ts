import type { Migration } from '@ledger/database';
import type { HouseholdErased } from '../households/household.events';
import { erasedJsonField } from '../personal-data/erased-rows';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared } from '../dividends/dividend.events';
import type { EmploymentEnded, EmploymentStarted } from '../employment/employment.events';
import type { EntityRegistered } from '../entities/entity.events';
import type { LeaseEnded, LeaseSigned } from '../leases/lease.events';
import type { OrderContracted } from '../orders/order.events';
import type { ProjectRegistered } from '../projects/project.events';
import { handledTypes } from '../projections/ledger-event';
import {
  eventOf,
  insertOnce,
  lastWins,
  row,
  rowStatement,
  type Projection,
  type RowSql,
} from '../projections/projection';

export const directoryMigration: Migration = {
  name: '0910-directory',
  up: `
    create table entity_list (
      entity_id   text primary key,
      name        text not null,
      kind        text not null,
      credit_code text,
      township    text not null,
      county      text not null
    );
    create index entity_list_order on entity_list (name, entity_id);
    create table project_list (
      project_id  text primary key,
      name        text not null,
      industry    text not null,
      county      text not null,
      operator_id text
    );
    create index project_list_order on project_list (name, project_id);
    create table household_linkages (
      linkage_id   text not null,
      household_id text not null,
      kind         text not null,
      entity_id    text not null,
      entity_name  text not null,
      township     text not null,
      starts_on    date,
      ends_on      date,
      detail       jsonb not null,
      position     bigint not null,
      primary key (household_id, linkage_id)
    );
  `,
};

/** An erased household's workers read `[已删除]` in its linkages' details. */
const ERASED = erasedJsonField('household_linkages', 'detail', 'workerName');

type DirectoryEvent =
  | EntityRegistered
  | ProjectRegistered
  | EmploymentStarted
  | EmploymentEnded
  | LeaseSigned
  | LeaseEnded
  | OrderContracted
  | DividendDeclared
  | HouseholdErased;

const TYPES = handledTypes<DirectoryEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'handles',
  EntityRegistered: 'handles',
  ProjectRegistered: 'handles',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'handles',
  DividendPaid: 'ignores',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'ignores',
  LeaseSigned: 'handles',
  RentPaid: 'ignores',
  LeaseEnded: 'handles',
  EmploymentStarted: 'handles',
  WagePaid: 'ignores',
  EmploymentEnded: 'handles',
  OrderContracted: 'handles',
  PurchasePaid: 'ignores',
  PaymentReversed: 'ignores',
  PaymentReturned: 'ignores',
  PaymentReissued: 'ignores',
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

const ENTITIES = insertOnce('entity_list', 'entity_id', {
  entity_id: 'text',
  name: 'text',
  kind: 'text',
  credit_code: 'text',
  township: 'text',
  county: 'text',
});

const PROJECTS = insertOnce('project_list', 'project_id', {
  project_id: 'text',
  name: 'text',
  industry: 'text',
  county: 'text',
  operator_id: 'text',
  assistance_model: 'text',
});

/**
 * A household's linkage, once per household and linkage. Keyed by linkage (a declaration's rows for
 * all its households share it), which is what an end updates.
 */
const LINKAGES = rowStatement({
  columns: {
    linkage_id: 'text',
    household_id: 'text',
    kind: 'text',
    entity_id: 'text',
    entity_name: 'text',
    township: 'text',
    starts_on: 'date',
    ends_on: 'date',
    detail: 'jsonb',
    position: 'bigint',
  },
  sql: `insert into household_linkages
          (linkage_id, household_id, kind, entity_id, entity_name, township, starts_on, ends_on, detail, position)
        select r.linkage_id, r.household_id, r.kind, r.entity_id, r.entity_name, r.township, r.starts_on, r.ends_on,
               r.detail, r.position
          from ROWS order by r.ord
        on conflict (household_id, linkage_id) do nothing`,
  writes: ['household_linkages'],
  keys: (r) => ({ reads: [], writes: [`household_linkages:${String(r.linkage_id)}`] }),
});

/** An employment's or lease's end: the last one recorded wins, as it would one by one. */
const ENDED = lastWins('household_linkages', 'linkage_id', { linkage_id: 'text', ends_on: 'date' });

/** A LINKAGES row of the event `recorded`, its terms for a form as `detail`. */
function linkage(
  recorded: RecordedEvent,
  l: {
    linkageId: string;
    householdId: string;
    kind: 'employment' | 'lease' | 'order' | 'dividend';
    entityId: string;
    entityName: string;
    township: string;
    startsOn: string;
    endsOn: string | null;
    detail: object;
  },
): RowSql {
  return row(
    LINKAGES,
    l.linkageId,
    l.householdId,
    l.kind,
    l.entityId,
    l.entityName,
    l.township,
    l.startsOn,
    l.endsOn,
    JSON.stringify(l.detail),
    recorded.position,
  );
}

/**
 * Lists for pickers and for a household's page: the entities and projects registered (by name), and
 * every linkage a household is party to (employments, leases, orders, dividend declarations allocating
 * to it), with the few terms a form needs to offer it. The terms that rule a payment stay in the
 * linkage's own stream.
 */
export const directoryProjection: Projection = {
  name: 'directory',
  handles: TYPES,
  tables: ['entity_list', 'project_list', 'household_linkages'],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<DirectoryEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'EntityRegistered': {
        const d = event.data;
        return [row(ENTITIES, d.entityId, d.name, d.kind, d.creditCode ?? null, d.township, d.county)];
      }
      case 'ProjectRegistered': {
        const d = event.data;
        return [
          row(PROJECTS, d.projectId, d.name, d.industry, d.county, d.operatorId ?? null, d.assistanceModel ?? null),
        ];
      }
      case 'EmploymentStarted': {
        const d = event.data;
        return [
          linkage(recorded, {
            ...d,
            linkageId: d.employmentId,
            kind: 'employment',
            endsOn: null,
            detail: { workerName: d.workerName, wageBasis: d.wageBasis, rateFen: d.rateFen },
          }),
        ];
      }
      case 'EmploymentEnded':
        return [row(ENDED, event.data.employmentId, event.data.endsOn)];
      case 'LeaseSigned': {
        const d = event.data;
        return [
          linkage(recorded, {
            ...d,
            linkageId: d.leaseId,
            kind: 'lease',
            detail: { areaMu: d.areaMu, rentPerMuYearFen: d.rentPerMuYearFen, schedule: d.schedule },
          }),
        ];
      }
      case 'LeaseEnded':
        return [row(ENDED, event.data.leaseId, event.data.endsOn)];
      case 'OrderContracted': {
        const d = event.data;
        return [
          linkage(recorded, {
            ...d,
            linkageId: d.orderId,
            kind: 'order',
            detail: { product: d.product, unit: d.unit, priceFen: d.priceFen },
          }),
        ];
      }
      case 'DividendDeclared': {
        const d = event.data;
        const byHousehold = new Map<string, { township: string; allocatedFen: number }>();
        for (const a of d.allocations) {
          // The directory links households; a collective's allocation is listed on the collective.
          if (a.householdId === undefined) continue;
          const seen = byHousehold.get(a.householdId);
          byHousehold.set(a.householdId, {
            township: a.township,
            allocatedFen: (seen?.allocatedFen ?? 0) + a.amountFen,
          });
        }
        return [...byHousehold].map(([householdId, a]) =>
          linkage(recorded, {
            linkageId: d.declarationId,
            householdId,
            kind: 'dividend',
            entityId: d.entityId,
            entityName: d.entityName,
            township: a.township,
            startsOn: d.declaredOn,
            endsOn: null,
            detail: { period: d.period, declaredOn: d.declaredOn, allocatedFen: a.allocatedFen },
          }),
        );
      }
      case 'HouseholdErased':
        return [row(ERASED, event.data.householdId)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
