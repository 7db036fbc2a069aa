import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  FollowOptions,
  LogPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  UnitOfWork,
  VerifyResult,
} from '@ledger/event-store';
import type { LedgerEvent } from '../projections/ledger-event';
import { commandKeys, rememberCommandKeys } from './command-keys';
import { HouseholdKeys, type KeyLookup } from './household-keys';
import { openPersonal, sealPersonal } from './personal-cipher';
import { ERASED, personalFields } from './personal-fields';
import { openRows, rowHouseholds, sealRows } from './personal-rows';

/** Metadata naming whose key sealed an event's personal fields (a household id: not personal). */
export const SEALED_FOR = 'sealedFor';

/** How many streams' and payments' households are remembered (neither ever changes). */
const REMEMBERED = 200_000;

export type Declaration = { fields: readonly string[]; household: 'householdId' | 'stream' | 'none' };
export const declarationOf = (type: string): Declaration | undefined =>
  (personalFields as unknown as Record<string, Declaration | undefined>)[type];

/** The personal fields of the event's type, or none (also for types the ledger does not know). */
const fieldsOf = (type: string): readonly string[] => declarationOf(type)?.fields ?? [];

export const householdIdIn = (data: unknown): string | undefined => {
  const id = (data as { householdId?: unknown } | null)?.householdId;
  return typeof id === 'string' ? id : undefined;
};

/** A village collective paid in a household's place (a dividend to it names `collectiveId`). */
const collectiveIdIn = (data: unknown): string | undefined => {
  const id = (data as { collectiveId?: unknown } | null)?.collectiveId;
  return typeof id === 'string' ? id : undefined;
};

const paymentIdIn = (data: unknown): string | undefined => {
  const id = (data as { paymentId?: unknown } | null)?.paymentId;
  return typeof id === 'string' ? id : undefined;
};

/** How a payment's collective is remembered where households are: never a household id, so never a key's. */
const collectiveMark = (id: string): string => `collective:${id}`;
const isCollectiveMark = (owner: string): boolean => owner.startsWith('collective:');

/** Remembers a key's household, forgetting everything once full (cheap to learn again). */
function learn(map: Map<string, string>, key: string | undefined, householdId: string | undefined): void {
  if (key === undefined || householdId === undefined || map.has(key)) return;
  if (map.size >= REMEMBERED) map.clear();
  map.set(key, householdId);
}

/**
 * The event store as the ledger sees it: personal fields (personal-fields.ts) are sealed with their
 * household's key on every append and opened on every read, so handlers, deciders, the importer and
 * the projections keep working on clear text while the log holds only ciphertext. Wrapping the port
 * catches every path that appends or reads (StreamWriter, the importer's units of work, the
 * projections' follow and rebuild, the queries' stream reads) in one place; deciders stay pure.
 *
 * Keys are looked up once per call for the whole batch (a page of the log, an import's multi-stream
 * append), never once per event. The hash chain and the seals cover the ciphertext, so destroying a
 * key changes no hash: `verify` stays `ok`. Idempotency is unaffected: the HTTP layer compares
 * requests by the request's own digest, and the store recognises a retry by its event ids, neither of
 * which depends on the ciphertext's random nonces.
 */
export class PersonalDataEventStore implements EventStore {
  /** Stream id → the household whose key seals its `'stream'` events, learnt from appends and reads. */
  private readonly streamHouseholds = new Map<string, string>();
  /**
   * Payment id → its household, for a reversal or a return appended to a dividend declaration's
   * stream, which concerns many households: the text is the paid household's.
   */
  private readonly paymentHouseholds = new Map<string, string>();

  constructor(
    private readonly log: EventStore,
    private readonly keys: HouseholdKeys,
  ) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const [sealed] = await this.seal([{ streamId, events, expectedRevision: expected }], this.log);
    return this.log.appendToStream(streamId, sealed.events, expected);
  }

  inUnitOfWork<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return this.log.inUnitOfWork((unit) =>
      work({
        atomic: unit.atomic,
        appendToStreams: async (appends) => unit.appendToStreams(await this.seal(appends, unit)),
        readStream: async (streamId, options) => this.open(await unit.readStream(streamId, options)),
      }),
    );
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.log.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.log.readAll(options));
  }

  async *follow(options?: FollowOptions): AsyncIterable<RecordedEvent[]> {
    for await (const batch of this.log.follow(options)) yield await this.open(batch);
  }

  logPositionOf(position: number): Promise<LogPosition | undefined> {
    return this.log.logPositionOf(position);
  }

  head(): Promise<LogPosition> {
    return this.log.head();
  }

  /** The chains cover the stored (sealed) events, so verify reads the log as it is. */
  verify(): Promise<VerifyResult> {
    return this.log.verify();
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** The appends with every personal field sealed, and whose key sealed it named in the metadata. */
  private async seal(appends: readonly StreamAppend[], from: Pick<EventStore, 'readStream'>): Promise<StreamAppend[]> {
    const owners: (string | undefined)[][] = [];
    for (const append of appends) {
      const streamOwners: (string | undefined)[] = [];
      for (const event of append.events) {
        const declared = declarationOf(event.type);
        this.learnFrom([{ streamId: append.streamId, type: event.type, data: event.data }]);
        streamOwners.push(
          declared && declared.fields.length > 0
            ? await this.ownerOf(append.streamId, event, declared, from)
            : undefined,
        );
      }
      owners.push(streamOwners);
    }
    const households = [
      ...owners.flat().filter((h): h is string => h !== undefined),
      // A notice's rows: each row is its own household's (personal-rows.ts).
      ...appends.flatMap((a) => a.events.flatMap(rowHouseholds)),
    ];
    if (households.length === 0) return [...appends];
    // Keys the command's own read fetched a moment ago are not asked for again (command-keys.ts).
    const { known, unknown } = commandKeys(households);
    const keys = unknown.length === 0 ? known : new Map([...known, ...(await this.keys.forSealing(unknown))]);
    return appends.map((append, i) => ({
      ...append,
      events: append.events.map((event, j) => sealRows(sealedEvent(event, owners[i][j], keys), keys)),
    }));
  }

  /** The household whose key seals the event: named in its data, or the one its stream belongs to. */
  private async ownerOf(
    streamId: string,
    event: NewEvent,
    declared: Declaration,
    from: Pick<EventStore, 'readStream'>,
  ): Promise<string | undefined> {
    // An event that may name its household and names none (an objection raised by a clerk) holds
    // no household's data: it is stored as written.
    if (declared.household === 'householdId') return householdIdIn(event.data);
    const owner =
      (await this.householdOfStream(streamId, from)) ?? (await this.householdOfPayment(streamId, event, from));
    // personal-fields.ts promises a household for every type with personal fields; a stream that
    // names none would store names that no erasure could reach, so it is refused outright.
    if (owner === undefined) throw new Error(`No household to seal ${event.type} in stream ${streamId} with.`);
    // A reversal or return of a dividend paid to a village collective concerns no household: its text
    // is the collective's (an entity's), stored as written, as an entity's events are.
    if (isCollectiveMark(owner)) return undefined;
    return owner;
  }

  /** A linkage stream's household: remembered, or read from its first event (once per stream). */
  private async householdOfStream(streamId: string, from: Pick<EventStore, 'readStream'>): Promise<string | undefined> {
    const known = this.streamHouseholds.get(streamId);
    if (known !== undefined) return known;
    const [first] = await from.readStream(streamId, { maxCount: 1 });
    if (first && declarationOf(first.type)?.household === 'householdId')
      this.remember(streamId, householdIdIn(first.data));
    return this.streamHouseholds.get(streamId);
  }

  /**
   * The household paid by the payment the event names: remembered from the payment's own event (the
   * handler read the stream just before), or found by reading the stream once more.
   */
  private async householdOfPayment(
    streamId: string,
    event: NewEvent,
    from: Pick<EventStore, 'readStream'>,
  ): Promise<string | undefined> {
    const paymentId = paymentIdIn(event.data);
    if (paymentId === undefined) return undefined;
    if (!this.paymentHouseholds.has(paymentId)) this.learnFrom(await from.readStream(streamId));
    return this.paymentHouseholds.get(paymentId);
  }

  /** What events tell of their streams' and payments' households (their ids are never sealed). */
  private learnFrom(events: readonly { streamId: string; type: string; data: unknown }[]): void {
    for (const event of events) {
      const householdId = householdIdIn(event.data);
      if (declarationOf(event.type)?.household === 'householdId') this.remember(event.streamId, householdId);
      const collectiveId = collectiveIdIn(event.data);
      learn(
        this.paymentHouseholds,
        paymentIdIn(event.data),
        householdId ?? (collectiveId === undefined ? undefined : collectiveMark(collectiveId)),
      );
    }
  }

  private remember(streamId: string, householdId: string | undefined): void {
    learn(this.streamHouseholds, streamId, householdId);
  }

  /** The events with their personal fields opened: one key lookup for the whole batch. */
  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const households = new Set<string>();
    for (const event of events) {
      const declared = declarationOf(event.type);
      if (declared) this.learnFrom([event]);
      const owner = event.metadata[SEALED_FOR];
      if (typeof owner === 'string' && fieldsOf(event.type).length > 0) households.add(owner);
      for (const household of rowHouseholds(event)) households.add(household);
    }
    if (households.size === 0) return events;
    const keys = await this.keys.forOpening(households);
    rememberCommandKeys(keys);
    return events.map((event) => {
      const owner = event.metadata[SEALED_FOR];
      const rowsOpened = openRows(event, keys);
      if (typeof owner !== 'string' || fieldsOf(event.type).length === 0) return rowsOpened;
      return openPersonal(rowsOpened as unknown as LedgerEvent, keys.get(owner)) as unknown as RecordedEvent;
    });
  }
}

/**
 * The event as stored: its personal fields sealed under its household's key, or `[已删除]` when the
 * household is already erased (its names are never written again, in clear or under a new key).
 */
export function sealedEvent(event: NewEvent, owner: string | undefined, keys: KeyLookup): NewEvent {
  if (owner === undefined) return event;
  const key = keys.get(owner);
  const asLedgerEvent = event as unknown as LedgerEvent;
  const sealed = key ? sealPersonal(asLedgerEvent, key) : eraseFields(asLedgerEvent);
  return { ...event, data: sealed.data, metadata: { ...event.metadata, [SEALED_FOR]: owner } };
}

function eraseFields(event: LedgerEvent): LedgerEvent {
  const data = { ...(event.data as Record<string, unknown>) };
  for (const field of fieldsOf(event.type)) if (typeof data[field] === 'string') data[field] = ERASED;
  return { ...event, data } as LedgerEvent;
}

/** For `RuntimeModule.forRoot(…, { adaptEventStore })`: the log as the ledger reads and writes it. */
export const sealPersonalData = (log: EventStore, db: { pool: ConstructorParameters<typeof HouseholdKeys>[0] }) =>
  new PersonalDataEventStore(log, new HouseholdKeys(db.pool));
