import type { EventStore } from '@ledger/event-store';
import type { Actor } from '@ledger/ledger/common/actor';
import { nameBasedUuid, newStreamId } from '@ledger/ledger/common/ids';
import type { DomainEvent, Evolver } from '@ledger/ledger/common/decider';
import {
  StreamWriter,
  toDomainEvent,
  type CommandMetadata,
  type StreamState,
} from '@ledger/ledger/common/stream-writer';
import { FoldedStreams } from '@ledger/ledger/common/folded-streams';
import type { CityOp, CityPhase } from '../city/city-plan';
import { CityRefs, type WriteAnswer } from '../city/city-refs';
import { DeclareDividendCommand } from '@ledger/ledger/dividends/declare-dividend/declare-dividend.command';
import { DeclareDividendHandler } from '@ledger/ledger/dividends/declare-dividend/declare-dividend.handler';
import { PayDividendCommand } from '@ledger/ledger/dividends/pay-dividend/pay-dividend.command';
import { PayDividendHandler } from '@ledger/ledger/dividends/pay-dividend/pay-dividend.handler';
import { EndEmploymentCommand } from '@ledger/ledger/employment/end-employment/end-employment.command';
import { EndEmploymentHandler } from '@ledger/ledger/employment/end-employment/end-employment.handler';
import { RecordWagePaymentCommand } from '@ledger/ledger/employment/record-wage-payment/record-wage-payment.command';
import { RecordWagePaymentHandler } from '@ledger/ledger/employment/record-wage-payment/record-wage-payment.handler';
import { StartEmploymentCommand } from '@ledger/ledger/employment/start-employment/start-employment.command';
import { StartEmploymentHandler } from '@ledger/ledger/employment/start-employment/start-employment.handler';
import { RegisterEntityCommand } from '@ledger/ledger/entities/register-entity/register-entity.command';
import { RegisterEntityHandler } from '@ledger/ledger/entities/register-entity/register-entity.handler';
import { householdIdFor } from '@ledger/ledger/households/household-id';
import { RegisterHouseholdCommand } from '@ledger/ledger/households/register-household/register-household.command';
import { RegisterHouseholdHandler } from '@ledger/ledger/households/register-household/register-household.handler';
import { RecordRentPaymentCommand } from '@ledger/ledger/leases/record-rent-payment/record-rent-payment.command';
import { RecordRentPaymentHandler } from '@ledger/ledger/leases/record-rent-payment/record-rent-payment.handler';
import { SignLeaseCommand } from '@ledger/ledger/leases/sign-lease/sign-lease.command';
import { SignLeaseHandler } from '@ledger/ledger/leases/sign-lease/sign-lease.handler';
import { ContractOrderCommand } from '@ledger/ledger/orders/contract-order/contract-order.command';
import { ContractOrderHandler } from '@ledger/ledger/orders/contract-order/contract-order.handler';
import { RecordPurchasePaymentCommand } from '@ledger/ledger/orders/record-purchase-payment/record-purchase-payment.command';
import { RecordPurchasePaymentHandler } from '@ledger/ledger/orders/record-purchase-payment/record-purchase-payment.handler';
import { DisburseProjectFundsCommand } from '@ledger/ledger/projects/disburse-project-funds/disburse-project-funds.command';
import { DisburseProjectFundsHandler } from '@ledger/ledger/projects/disburse-project-funds/disburse-project-funds.handler';
import { ReceiveProjectFundsCommand } from '@ledger/ledger/projects/receive-project-funds/receive-project-funds.command';
import { ReceiveProjectFundsHandler } from '@ledger/ledger/projects/receive-project-funds/receive-project-funds.handler';
import { RegisterProjectCommand } from '@ledger/ledger/projects/register-project/register-project.command';
import { RegisterProjectHandler } from '@ledger/ledger/projects/register-project/register-project.handler';
import { AcquireStakeCommand } from '@ledger/ledger/stakes/acquire-stake/acquire-stake.command';
import { AcquireStakeHandler } from '@ledger/ledger/stakes/acquire-stake/acquire-stake.handler';
import { ADMIN_USER_ID } from '@ledger/ledger/auth/user.events';
import { MemoryEventStore } from './memory-event-store';

export const SEED_ACTOR: Actor = { userId: ADMIN_USER_ID, role: 'admin', townships: [] };

/** Operations whose record's stream only its own lane writes and reads: dropped from memory after the lane. */
const LANE_PRIVATE: ReadonlySet<CityOp['op']> = new Set(['employment', 'lease', 'order', 'declare']);

export interface SeedResult {
  events: number;
  appends: number;
  commands: number;
  /** Time spent deciding in memory (the handlers with an in-memory store). */
  decideMs: number;
  /** Time spent appending to PostgreSQL. */
  appendMs: number;
}

/**
 * Writes the city through the ledger's real command handlers (the same decide functions, parties
 * and metadata as over HTTP), against an in-memory store that is flushed into PostgreSQL with
 * batched appends. The events are exactly those the commands would write one by one; only the
 * round trips are saved, so that a city of a quarter of a million events loads in seconds.
 */
export class CitySeeder {
  private readonly memory = new MemoryEventStore();
  private readonly writer: FoldingCache;
  private readonly refs = new CityRefs();
  private readonly handlers: ReturnType<typeof makeHandlers>;
  private readonly result: SeedResult = { events: 0, appends: 0, commands: 0, decideMs: 0, appendMs: 0 };
  private issuedAt = new Date().toISOString();

  constructor(
    private readonly target: EventStore,
    private readonly seed: number,
  ) {
    this.writer = new FoldingCache(this.memory);
    this.handlers = makeHandlers(this.writer);
  }

  /** The ledger's ids of the plan's records. */
  get ids(): CityRefs {
    return this.refs;
  }

  async load(phases: readonly CityPhase[], onProgress?: (done: number) => void): Promise<SeedResult> {
    let done = 0;
    for (const phase of phases) {
      for (const lane of phase.lanes()) {
        const start = process.hrtime.bigint();
        for (const op of lane) {
          await this.apply(op);
          done++;
        }
        this.result.decideMs += Number(process.hrtime.bigint() - start) / 1e6;
        const head = lane[0];
        if (head && LANE_PRIVATE.has(head.op)) {
          this.memory.release(this.refs.id(head.key));
          this.writer.forget(this.refs.id(head.key));
          this.refs.release(head.key);
        }
        if (this.memory.pendingEvents >= 20_000) await this.flush();
        onProgress?.(done);
      }
      // Every phase's events are in the log before the next phase's: references point backwards.
      await this.flush();
    }
    return this.result;
  }

  private async flush(): Promise<void> {
    const start = process.hrtime.bigint();
    const { events, appends } = await this.memory.flush(this.target, 100, 16);
    this.result.appendMs += Number(process.hrtime.bigint() - start) / 1e6;
    this.result.events += events;
    this.result.appends += appends;
  }

  private metadata(op: CityOp): CommandMetadata {
    const commandId = nameBasedUuid('synthetic-city', String(this.seed), op.key);
    return { actor: SEED_ACTOR, commandId, issuedAt: this.issuedAt, correlationId: commandId, causationId: commandId };
  }

  private async apply(op: CityOp): Promise<void> {
    const request = this.refs.request(op);
    if (!request) return;
    const m = this.metadata(op);
    const h = this.handlers;
    const id = (key: string) => this.refs.id(key);
    /** What the loader resolved from earlier answers (a declaration's allocation, a lease's due). */
    const amountFen = () => (request.body as { amountFen: number }).amountFen;
    let answer: WriteAnswer;
    // Each case builds the command exactly as the route's controller does.
    switch (op.op) {
      case 'household':
        answer = await h.household.execute(
          new RegisterHouseholdCommand({ ...op.body, householdId: householdIdFor(op.body.registrationNo) }, m),
        );
        break;
      case 'entity':
        answer = await h.entity.execute(
          new RegisterEntityCommand({ ...op.body, entityId: newStreamId('entity', m) }, m),
        );
        break;
      case 'project':
        answer = await h.project.execute(
          new RegisterProjectCommand(
            { ...op.body, operatorId: id(op.operator), projectId: newStreamId('project', m) },
            m,
          ),
        );
        break;
      case 'funds':
        answer = await h.funds.execute(new ReceiveProjectFundsCommand({ projectId: id(op.project), ...op.body }, m));
        break;
      case 'disburse':
        answer = await h.disburse.execute(
          new DisburseProjectFundsCommand({ projectId: id(op.project), entityId: id(op.entity), ...op.body }, m),
        );
        break;
      case 'stake':
        answer = await h.stake.execute(
          new AcquireStakeCommand(
            {
              ...op.body,
              entityId: id(op.entity),
              householdId: id(op.household),
              ...(op.project === undefined ? {} : { projectId: id(op.project) }),
            },
            m,
          ),
        );
        break;
      case 'declare':
        answer = await h.declare.execute(
          new DeclareDividendCommand(
            { ...op.body, entityId: id(op.entity), declarationId: newStreamId('dividend', m) },
            m,
          ),
        );
        break;
      case 'payDividend':
        answer = await h.payDividend.execute(
          new PayDividendCommand(
            { declarationId: id(op.declaration), householdId: id(op.household), amountFen: amountFen(), ...op.body },
            m,
          ),
        );
        break;
      case 'lease':
        answer = await h.lease.execute(
          new SignLeaseCommand(
            { ...op.body, entityId: id(op.entity), householdId: id(op.household), leaseId: newStreamId('lease', m) },
            m,
          ),
        );
        break;
      case 'payRent':
        answer = await h.payRent.execute(
          new RecordRentPaymentCommand({ leaseId: id(op.lease), amountFen: amountFen(), ...op.body }, m),
        );
        break;
      case 'employment':
        answer = await h.employment.execute(
          new StartEmploymentCommand(
            {
              ...op.body,
              entityId: id(op.entity),
              householdId: id(op.household),
              employmentId: newStreamId('employment', m),
            },
            m,
          ),
        );
        break;
      case 'payWage':
        answer = await h.payWage.execute(
          new RecordWagePaymentCommand({ employmentId: id(op.employment), ...op.body }, m),
        );
        break;
      case 'endEmployment':
        answer = await h.endEmployment.execute(
          new EndEmploymentCommand({ employmentId: id(op.employment), ...op.body }, m),
        );
        break;
      case 'order':
        answer = await h.order.execute(
          new ContractOrderCommand(
            { ...op.body, entityId: id(op.entity), householdId: id(op.household), orderId: newStreamId('order', m) },
            m,
          ),
        );
        break;
      case 'payPurchase':
        answer = await h.payPurchase.execute(
          new RecordPurchasePaymentCommand({ orderId: id(op.order), ...op.body }, m),
        );
        break;
      default: {
        const unknown: never = op;
        throw new Error(`unknown operation ${JSON.stringify(unknown)}`);
      }
    }
    this.result.commands++;
    this.refs.record(op, answer);
  }
}

/**
 * The ledger's StreamWriter, remembering each stream's folded state so that the next command on it
 * folds only the events appended since (the handlers fold the whole stream on every command, which
 * over a city's long streams is quadratic). Same evolve functions, same states: only the work of
 * re-folding is saved.
 */
class FoldingCache extends StreamWriter {
  private readonly folds = new Map<string, Map<unknown, { state: unknown; revision: number }>>();
  /** Every stream of the city stays folded until the seeder releases it (a process of its own, run once). */
  protected override readonly folded = new FoldedStreams(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);

  constructor(private readonly memory: MemoryEventStore) {
    super(memory);
  }

  override async read<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
  ): Promise<StreamState<State>> {
    const events = await this.memory.readStream(streamId);
    const byEvolver = this.folds.get(streamId) ?? new Map<unknown, { state: unknown; revision: number }>();
    const cached = byEvolver.get(evolver);
    let state = evolver.initialState;
    let from = 0;
    if (cached && cached.revision < events.length) {
      state = cached.state as State;
      from = cached.revision + 1;
    }
    for (let i = from; i < events.length; i++) state = evolver.evolve(state, toDomainEvent<Event>(events[i]));
    byEvolver.set(evolver, { state, revision: events.length - 1 });
    this.folds.set(streamId, byEvolver);
    return { state, revision: events.length - 1, events };
  }

  forget(streamId: string): void {
    this.folds.delete(streamId);
    this.folded.forget(streamId);
  }
}

function makeHandlers(writer: StreamWriter) {
  return {
    household: new RegisterHouseholdHandler(writer),
    entity: new RegisterEntityHandler(writer),
    project: new RegisterProjectHandler(writer),
    funds: new ReceiveProjectFundsHandler(writer),
    disburse: new DisburseProjectFundsHandler(writer),
    stake: new AcquireStakeHandler(writer),
    declare: new DeclareDividendHandler(writer),
    payDividend: new PayDividendHandler(writer),
    lease: new SignLeaseHandler(writer),
    payRent: new RecordRentPaymentHandler(writer),
    employment: new StartEmploymentHandler(writer),
    payWage: new RecordWagePaymentHandler(writer),
    endEmployment: new EndEmploymentHandler(writer),
    order: new ContractOrderHandler(writer),
    payPurchase: new RecordPurchasePaymentHandler(writer),
  };
}
