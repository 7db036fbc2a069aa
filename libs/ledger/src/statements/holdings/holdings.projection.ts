import type { Migration } from '@ledger/database';
import type { HouseholdErased } from '../../households/household.events';
import { erasedJsonField } from '../../personal-data/erased-rows';
import type { RecordedEvent } from '@ledger/event-store';
import type { EmploymentEnded, EmploymentStarted } from '../../employment/employment.events';
import type { EntityRegistered } from '../../entities/entity.events';
import type { LeaseEnded, LeaseSigned } from '../../leases/lease.events';
import type { OrderContracted } from '../../orders/order.events';
import type { ProjectRegistered } from '../../projects/project.events';
import type { StakeAcquired, StakeEnded } from '../../stakes/stake.events';
import { handledTypes } from '../../projections/ledger-event';
import { eventOf, insertOnce, row, type Projection, type RowSql } from '../../projections/projection';

/**
 * What each household holds (its stakes, leases, jobs and orders), kept so that a statement can show
 * them as recorded at any instant: each linkage carries the `recorded_at` of the event that made it,
 * and each end is a row of its own with its own `recorded_at` (an end recorded after `asOf` does not
 * show). Entity and project names are kept here too, so the statement reads this one model.
 */
export const holdingsMigration: Migration = {
  name: '0210-statement-holdings',
  up: `
    create table holding_entities (
      entity_id text primary key,
      name      text not null
    );
    create table holding_projects (
      project_id text primary key,
      name       text not null
    );
    create table holdings (
      linkage_id   text primary key,
      household_id text        not null,
      kind         text        not null,
      entity_id    text        not null,
      -- a lease's, employment's or order's entity name as the event gave it (stakes take the entity's)
      entity_name  text,
      project_id   text,
      starts_on    date        not null,
      ends_on      date,
      terms        jsonb       not null,
      recorded_at  timestamptz not null,
      position     bigint      not null
    );
    create index holdings_household on holdings (household_id);
    create table holding_ends (
      event_id    text primary key,
      linkage_id  text        not null,
      ends_on     date        not null,
      recorded_at timestamptz not null,
      position    bigint      not null
    );
    create index holding_ends_linkage on holding_ends (linkage_id, position);
  `,
};

/** An erased household's workers read `[已删除]` in their employments' terms. */
const ERASED = erasedJsonField('holdings', 'terms', 'workerName');

type HoldingEvent =
  | EntityRegistered
  | ProjectRegistered
  | StakeAcquired
  | StakeEnded
  | LeaseSigned
  | LeaseEnded
  | EmploymentStarted
  | EmploymentEnded
  | OrderContracted
  | HouseholdErased;

const TYPES = handledTypes<HoldingEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'handles',
  EntityRegistered: 'handles',
  ProjectRegistered: 'handles',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'handles',
  StakeEnded: 'handles',
  DividendDeclared: 'ignores',
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
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  GuaranteeToppedUp: 'ignores',
  PaymentReturned: 'ignores',
  PaymentReissued: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});
export type HoldingKind = 'stake' | 'lease' | 'employment' | 'order';

const ENTITIES = insertOnce('holding_entities', 'entity_id', { entity_id: 'text', name: 'text' });
const PROJECTS = insertOnce('holding_projects', 'project_id', { project_id: 'text', name: 'text' });
const HOLDINGS = insertOnce('holdings', 'linkage_id', {
  linkage_id: 'text',
  household_id: 'text',
  kind: 'text',
  entity_id: 'text',
  entity_name: 'text',
  project_id: 'text',
  starts_on: 'date',
  ends_on: 'date',
  terms: 'jsonb',
  recorded_at: 'timestamptz',
  position: 'bigint',
});
const ENDS = insertOnce('holding_ends', 'event_id', {
  event_id: 'text',
  linkage_id: 'text',
  ends_on: 'date',
  recorded_at: 'timestamptz',
  position: 'bigint',
  transferred_to: 'text',
});

function holding(
  recorded: RecordedEvent,
  h: {
    linkageId: string;
    householdId: string;
    kind: HoldingKind;
    entityId: string;
    entityName?: string;
    projectId?: string;
    startsOn: string;
    endsOn?: string;
    terms: object;
  },
): RowSql {
  return row(
    HOLDINGS,
    h.linkageId,
    h.householdId,
    h.kind,
    h.entityId,
    h.entityName ?? null,
    h.projectId ?? null,
    h.startsOn,
    h.endsOn ?? null,
    JSON.stringify(h.terms),
    recorded.recordedAt,
    recorded.position,
  );
}

const ended = (recorded: RecordedEvent, linkageId: string, endsOn: string, transferredTo?: string): RowSql =>
  row(ENDS, recorded.id, linkageId, endsOn, recorded.recordedAt, recorded.position, transferredTo ?? null);

/** The household's linkages and their ends, for the statement's `holdings`. */
export const holdingsProjection: Projection = {
  name: 'statement-holdings',
  tables: ['holding_ends', 'holdings', 'holding_projects', 'holding_entities'],
  handles: TYPES,
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<HoldingEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'EntityRegistered':
        return [row(ENTITIES, event.data.entityId, event.data.name)];
      case 'ProjectRegistered':
        return [row(PROJECTS, event.data.projectId, event.data.name)];
      case 'StakeAcquired': {
        const d = event.data;
        // A household's holdings: a collective's stake shows on the collective's page instead.
        if (d.householdId === undefined) return [];
        return [
          holding(recorded, {
            linkageId: d.stakeId,
            householdId: d.householdId,
            kind: 'stake',
            entityId: d.entityId,
            projectId: d.projectId,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            terms: {
              source: d.source,
              principalFen: d.principalFen,
              shares: d.shares,
              ...(d.guaranteedYearlyFen === undefined ? {} : { guaranteedYearlyFen: d.guaranteedYearlyFen }),
              ...(d.transferredFrom === undefined ? {} : { transferredFrom: d.transferredFrom }),
            },
          }),
        ];
      }
      case 'LeaseSigned': {
        const d = event.data;
        return [
          holding(recorded, {
            linkageId: d.leaseId,
            householdId: d.householdId,
            kind: 'lease',
            entityId: d.entityId,
            entityName: d.entityName,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            terms: { areaMu: d.areaMu, rentPerMuYearFen: d.rentPerMuYearFen },
          }),
        ];
      }
      case 'EmploymentStarted': {
        const d = event.data;
        return [
          holding(recorded, {
            linkageId: d.employmentId,
            householdId: d.householdId,
            kind: 'employment',
            entityId: d.entityId,
            entityName: d.entityName,
            startsOn: d.startsOn,
            terms: { workerName: d.workerName, wageBasis: d.wageBasis, rateFen: d.rateFen },
          }),
        ];
      }
      case 'OrderContracted': {
        const d = event.data;
        return [
          holding(recorded, {
            linkageId: d.orderId,
            householdId: d.householdId,
            kind: 'order',
            entityId: d.entityId,
            entityName: d.entityName,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            terms: { product: d.product, unit: d.unit, priceFen: d.priceFen },
          }),
        ];
      }
      case 'StakeEnded':
        return [ended(recorded, event.data.stakeId, event.data.endsOn, event.data.transferredTo)];
      case 'LeaseEnded':
        return [ended(recorded, event.data.leaseId, event.data.endsOn)];
      case 'EmploymentEnded':
        return [ended(recorded, event.data.employmentId, event.data.endsOn)];
      case 'HouseholdErased':
        return [row(ERASED, event.data.householdId)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
