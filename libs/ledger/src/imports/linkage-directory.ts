import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { compareLogPositions, type EventStore, type RecordedEvent } from '@ledger/event-store';
import type { StreamWriter } from '../common/stream-writer';
import type { EmploymentStarted } from '../employment/employment.events';
import { employment } from '../employment/employment.state';
import { household } from '../households/household.state';
import { householdIdFor } from '../households/household-id';
import type { LeaseSigned } from '../leases/lease.events';
import type { LoanDisbursed } from '../loans/loan.events';
import { loan } from '../loans/loan.state';
import type { OrderContracted } from '../orders/order.events';
import { order } from '../orders/order.state';
import { project, type ProjectState } from '../projects/project.state';
import { entity, type EntityState } from '../entities/entity.state';
import type { HouseholdState } from '../households/household.state';
import { currentEndsOn, lease } from '../leases/lease.state';
import { handledTypes } from '../projections/ledger-event';
import { eventOf, insertOnce, row, type Projection, type RowSql } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';

type LinkageEvent = EmploymentStarted | LeaseSigned | OrderContracted | LoanDisbursed;
const TYPES = handledTypes<LinkageEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'ignores',
  DividendPaid: 'ignores',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'ignores',
  LeaseSigned: 'handles',
  RentPaid: 'ignores',
  LeaseEnded: 'ignores',
  EmploymentStarted: 'handles',
  WagePaid: 'ignores',
  EmploymentEnded: 'ignores',
  OrderContracted: 'handles',
  PurchasePaid: 'ignores',
  PaymentReversed: 'ignores',
  PaymentReturned: 'ignores',
  PaymentReissued: 'ignores',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'handles',
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

/** A linkage's parties, once per linkage. */
const LINKAGES = insertOnce('import_linkages', 'linkage_id', {
  linkage_id: 'text',
  kind: 'text',
  entity_id: 'text',
  household_id: 'text',
});

/**
 * Which employments and leases an entity has with which household: what a roster row names (an
 * entity, a registration number, a worker) turned into the linkage whose stream it pays into. Only
 * ids are kept; the terms are always read from the linkage's own stream.
 */
export const linkageLookupProjection: Projection = {
  name: 'import-linkages',
  handles: TYPES,
  tables: ['import_linkages'],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<LinkageEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'EmploymentStarted':
        return [row(LINKAGES, event.data.employmentId, 'employment', event.data.entityId, event.data.householdId)];
      case 'LeaseSigned':
        return [row(LINKAGES, event.data.leaseId, 'lease', event.data.entityId, event.data.householdId)];
      case 'OrderContracted':
        return [row(LINKAGES, event.data.orderId, 'order', event.data.entityId, event.data.householdId)];
      case 'LoanDisbursed':
        // A loan is found by its household (a loan for own production names no entity).
        return [row(LINKAGES, event.data.loanId, 'loan', event.data.entityId ?? '', event.data.householdId)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};

/** A registered household as a roster row needs it. */
export interface HouseholdEntry {
  householdId: string;
  township: string;
  county: string;
  headName: string;
}

export interface EmploymentTerms {
  employmentId: string;
  workerName: string;
  startsOn: string;
  endsOn?: string;
}

export interface OrderTerms {
  orderId: string;
  product: string;
  startsOn: string;
  endsOn: string;
}

/** A household's loan as a repayment row finds it: by its contract number, or as the household's only loan. */
export interface LoanTerms {
  loanId: string;
  lender: string;
  contractNo?: string;
}

/** A registered entity found by its name, for rows that name one. */
export interface EntityEntry {
  entityId: string;
  name: string;
}

export interface LeaseTerms {
  leaseId: string;
  startsOn: string;
  endsOn: string;
  periods: string[];
}

interface Linkages {
  employments: string[];
  leases: string[];
  orders: string[];
}

/** Names compare as people read them: full-width forms folded, spaces ignored. */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

/**
 * Lookups one import needs, cached for its run (the validation pass and the commit pass resolve
 * every row the same way): households by registration number, and an entity's employments and
 * leases by household, with their terms.
 */
export class LinkageDirectory {
  private readonly households = new Map<string, HouseholdEntry | null>();
  private byEntity = new Map<string, Map<string, Linkages>>();
  private readonly orderTerms = new Map<string, OrderTerms | null>();
  private readonly states = new Map<string, unknown>();
  private readonly employmentTerms = new Map<string, EmploymentTerms | null>();
  private readonly leaseTerms = new Map<string, LeaseTerms | null>();
  private readonly loanTerms = new Map<string, LoanTerms[]>();
  private readonly entitiesByName = new Map<string, EntityEntry[]>();

  constructor(
    private readonly streams: StreamWriter,
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  /** Brings the lookup table up to the log's head (one runner at a time, across processes). */
  async catchUp(timeoutMs = 60_000): Promise<void> {
    const runner = new ProjectionRunner(linkageLookupProjection, this.store, this.pool);
    const head = await this.store.head();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lock = await runner.tryLock();
      if (lock) {
        try {
          await runner.catchUp();
          return;
        } finally {
          await runner.unlock(lock);
        }
      }
      // Another import is catching up: done once its checkpoint passes the head seen above.
      const checkpoint = await ProjectionRunner.checkpointOf(this.pool, linkageLookupProjection.name);
      if (compareLogPositions(checkpoint.logPosition, head) >= 0) return;
      if (Date.now() > deadline) throw new Error('the linkage lookup did not catch up in time');
      await sleep(50);
    }
  }

  async household(registrationNo: string): Promise<HouseholdEntry | undefined> {
    const cached = this.households.get(registrationNo);
    if (cached !== undefined) return cached ?? undefined;
    const { state } = await this.streams.read(householdIdFor(registrationNo), household);
    const entry =
      state.status === 'registered'
        ? { householdId: state.householdId, township: state.township, county: state.county, headName: state.headName }
        : null;
    this.households.set(registrationNo, entry);
    return entry ?? undefined;
  }

  private async linkagesOf(entityId: string, householdId: string): Promise<Linkages> {
    let ofEntity = this.byEntity.get(entityId);
    if (!ofEntity) {
      ofEntity = new Map();
      const { rows } = await this.pool.query<{ linkage_id: string; kind: string; household_id: string }>(
        'select linkage_id, kind, household_id from import_linkages where entity_id = $1 order by linkage_id',
        [entityId],
      );
      for (const r of rows) {
        const entry = ofEntity.get(r.household_id) ?? { employments: [], leases: [], orders: [] };
        (r.kind === 'employment' ? entry.employments : r.kind === 'lease' ? entry.leases : entry.orders).push(
          r.linkage_id,
        );
        ofEntity.set(r.household_id, entry);
      }
      this.byEntity.set(entityId, ofEntity);
    }
    return ofEntity.get(householdId) ?? { employments: [], leases: [], orders: [] };
  }

  /** The household's employments at the entity, oldest first. */
  async employments(entityId: string, householdId: string): Promise<EmploymentTerms[]> {
    const ids = (await this.linkagesOf(entityId, householdId)).employments;
    const terms: EmploymentTerms[] = [];
    for (const id of ids) {
      let t = this.employmentTerms.get(id);
      if (t === undefined) {
        const { state } = await this.streams.read(id, employment);
        t =
          state.status === 'none'
            ? null
            : { employmentId: id, workerName: state.workerName, startsOn: state.startsOn, endsOn: state.endsOn };
        this.employmentTerms.set(id, t);
      }
      if (t) terms.push(t);
    }
    return terms.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.employmentId.localeCompare(b.employmentId));
  }

  /** The household's leases to the entity, oldest first, with the periods of their schedules. */
  async leases(entityId: string, householdId: string): Promise<LeaseTerms[]> {
    const ids = (await this.linkagesOf(entityId, householdId)).leases;
    const terms: LeaseTerms[] = [];
    for (const id of ids) {
      let t = this.leaseTerms.get(id);
      if (t === undefined) {
        const { state } = await this.streams.read(id, lease);
        t =
          state.status === 'signed'
            ? {
                leaseId: id,
                startsOn: state.terms.startsOn,
                endsOn: currentEndsOn(state),
                periods: state.dues.map((d) => d.period),
              }
            : null;
        this.leaseTerms.set(id, t);
      }
      if (t) terms.push(t);
    }
    return terms.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.leaseId.localeCompare(b.leaseId));
  }

  /** The household's purchase orders with the entity, oldest first. */
  async orders(entityId: string, householdId: string): Promise<OrderTerms[]> {
    const ids = (await this.linkagesOf(entityId, householdId)).orders;
    const terms: OrderTerms[] = [];
    for (const id of ids) {
      let t = this.orderTerms.get(id);
      if (t === undefined) {
        const { state } = await this.streams.read(id, order);
        t =
          state.status === 'none'
            ? null
            : { orderId: id, product: state.product, startsOn: state.startsOn, endsOn: state.endsOn };
        this.orderTerms.set(id, t);
      }
      if (t) terms.push(t);
    }
    return terms.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.orderId.localeCompare(b.orderId));
  }

  /** The household's loans, in the order recorded (only those the lookup held when the import began). */
  async loans(householdId: string): Promise<LoanTerms[]> {
    const cached = this.loanTerms.get(householdId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ linkage_id: string }>(
      `select linkage_id from import_linkages where household_id = $1 and kind = 'loan' order by linkage_id`,
      [householdId],
    );
    const terms: LoanTerms[] = [];
    for (const r of rows) {
      const { state } = await this.streams.read(r.linkage_id, loan);
      if (state.status !== 'disbursed') continue;
      const { loanId, lender, contractNo } = state.terms;
      terms.push({ loanId, lender, ...(contractNo === undefined ? {} : { contractNo }) });
    }
    this.loanTerms.set(householdId, terms);
    return terms;
  }

  /** Registered entities of exactly this name (from the console's entity list, which may lag a moment behind). */
  async entitiesNamed(name: string): Promise<EntityEntry[]> {
    const cached = this.entitiesByName.get(name);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ entity_id: string; name: string }>(
      'select entity_id, name from entity_list where name = $1 order by entity_id',
      [name],
    );
    const found = rows.map((r) => ({ entityId: r.entity_id, name: r.name }));
    this.entitiesByName.set(name, found);
    return found;
  }

  /** A household's state as its stream tells it (for decide functions that take the party). */
  async householdState(householdId: string): Promise<HouseholdState> {
    return this.cachedState(householdId, () => this.streams.read(householdId, household));
  }

  async entityState(entityId: string): Promise<EntityState> {
    return this.cachedState(entityId, () => this.streams.read(entityId, entity));
  }

  async projectState(projectId: string): Promise<ProjectState> {
    return this.cachedState(projectId, () => this.streams.read(projectId, project));
  }

  private async cachedState<S>(id: string, read: () => Promise<{ state: S }>): Promise<S> {
    if (!this.states.has(id)) this.states.set(id, (await read()).state);
    return this.states.get(id) as S;
  }
}
