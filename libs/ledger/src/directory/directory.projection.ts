import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared } from '../dividends/dividend.events';
import type { EmploymentEnded, EmploymentStarted } from '../employment/employment.events';
import type { EntityRegistered } from '../entities/entity.events';
import type { LeaseEnded, LeaseSigned } from '../leases/lease.events';
import type { OrderContracted } from '../orders/order.events';
import type { ProjectRegistered } from '../projects/project.events';
import { eventOf, type Projection, type Sql } from '../projections/projection';

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

type DirectoryEvent =
  | EntityRegistered
  | ProjectRegistered
  | EmploymentStarted
  | EmploymentEnded
  | LeaseSigned
  | LeaseEnded
  | OrderContracted
  | DividendDeclared;

const TYPES: readonly DirectoryEvent['type'][] = [
  'EntityRegistered',
  'ProjectRegistered',
  'EmploymentStarted',
  'EmploymentEnded',
  'LeaseSigned',
  'LeaseEnded',
  'OrderContracted',
  'DividendDeclared',
];

const LINKAGE = `insert into household_linkages
  (linkage_id, household_id, kind, entity_id, entity_name, township, starts_on, ends_on, detail, position)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (household_id, linkage_id) do nothing`;

/**
 * Lists for pickers and for a household's page: the entities and projects registered (by name), and
 * every linkage a household is party to (employments, leases, orders, dividend declarations allocating
 * to it), with the few terms a form needs to offer it. The terms that rule a payment stay in the
 * linkage's own stream.
 */
export const directoryProjection: Projection = {
  name: 'directory',
  tables: ['entity_list', 'project_list', 'household_linkages'],
  apply(recorded: RecordedEvent): Sql[] {
    const event = eventOf<DirectoryEvent>(recorded, TYPES);
    if (!event) return [];
    const position = recorded.position;
    switch (event.type) {
      case 'EntityRegistered': {
        const d = event.data;
        return [
          {
            text: `insert into entity_list (entity_id, name, kind, credit_code, township, county)
                   values ($1, $2, $3, $4, $5, $6) on conflict (entity_id) do nothing`,
            values: [d.entityId, d.name, d.kind, d.creditCode ?? null, d.township, d.county],
          },
        ];
      }
      case 'ProjectRegistered': {
        const d = event.data;
        return [
          {
            text: `insert into project_list (project_id, name, industry, county, operator_id)
                   values ($1, $2, $3, $4, $5) on conflict (project_id) do nothing`,
            values: [d.projectId, d.name, d.industry, d.county, d.operatorId ?? null],
          },
        ];
      }
      case 'EmploymentStarted': {
        const d = event.data;
        return [
          {
            text: LINKAGE,
            values: [
              d.employmentId,
              d.householdId,
              'employment',
              d.entityId,
              d.entityName,
              d.township,
              d.startsOn,
              null,
              { workerName: d.workerName, wageBasis: d.wageBasis, rateFen: d.rateFen },
              position,
            ],
          },
        ];
      }
      case 'EmploymentEnded':
        return [
          {
            text: 'update household_linkages set ends_on = $2 where linkage_id = $1',
            values: [event.data.employmentId, event.data.endsOn],
          },
        ];
      case 'LeaseSigned': {
        const d = event.data;
        return [
          {
            text: LINKAGE,
            values: [
              d.leaseId,
              d.householdId,
              'lease',
              d.entityId,
              d.entityName,
              d.township,
              d.startsOn,
              d.endsOn,
              { areaMu: d.areaMu, rentPerMuYearFen: d.rentPerMuYearFen, schedule: d.schedule },
              position,
            ],
          },
        ];
      }
      case 'LeaseEnded':
        return [
          {
            text: 'update household_linkages set ends_on = $2 where linkage_id = $1',
            values: [event.data.leaseId, event.data.endsOn],
          },
        ];
      case 'OrderContracted': {
        const d = event.data;
        return [
          {
            text: LINKAGE,
            values: [
              d.orderId,
              d.householdId,
              'order',
              d.entityId,
              d.entityName,
              d.township,
              d.startsOn,
              d.endsOn,
              { product: d.product, unit: d.unit, priceFen: d.priceFen },
              position,
            ],
          },
        ];
      }
      case 'DividendDeclared': {
        const d = event.data;
        const byHousehold = new Map<string, { township: string; allocatedFen: number }>();
        for (const a of d.allocations) {
          const seen = byHousehold.get(a.householdId);
          byHousehold.set(a.householdId, {
            township: a.township,
            allocatedFen: (seen?.allocatedFen ?? 0) + a.amountFen,
          });
        }
        return [...byHousehold].map(([householdId, a]) => ({
          text: LINKAGE,
          values: [
            d.declarationId,
            householdId,
            'dividend',
            d.entityId,
            d.entityName,
            a.township,
            d.declaredOn,
            null,
            { period: d.period, declaredOn: d.declaredOn, allocatedFen: a.allocatedFen },
            position,
          ],
        }));
      }
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
