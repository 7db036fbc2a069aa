import { randomUUID } from 'node:crypto';
import { EventIdConflictError, WrongExpectedRevisionError } from '../event-store.errors';
import { compareLogPositions, type EventStore, type NewEvent, type RecordedEvent } from '../event-store.port';

export interface ContractSubject {
  store: EventStore;
  dispose(): Promise<void>;
}

/** A test event; every stream name is unique per test so adapters may share one server. */
export function anEvent(type = 'Tested', data: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata: { userId: 'contract', correlationId: randomUUID() } };
}

export function aStream(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * The behaviour every event-store adapter must have. Each test fails if the behaviour breaks.
 * Adapters call this from their own spec with a factory for a fresh, empty-enough store.
 */
export function eventStoreContract(open: () => Promise<ContractSubject>): void {
  let subject: ContractSubject;
  let store: EventStore;

  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(async () => subject?.dispose());

  describe('append and read a stream', () => {
    it('returns what was appended, in order, with revisions and increasing positions', async () => {
      const stream = aStream();
      const events = [anEvent('A', { n: 1, text: '贫困户 张三' }), anEvent('B', { n: 2 }), anEvent('C', { n: 3 })];
      const result = await store.appendToStream(stream, events, 'no_stream');
      expect(result.nextExpectedRevision).toBe(2);

      const read = await store.readStream(stream);
      expect(read.map((e) => [e.id, e.type, e.data, e.revision])).toEqual(
        events.map((e, i) => [e.id, e.type, e.data, i]),
      );
      expect(read[0].metadata).toMatchObject(events[0].metadata);
      expect(read[2].position).toBe(result.position);
      for (let i = 1; i < read.length; i++)
        expect(compareLogPositions(read[i - 1].logPosition, read[i].logPosition)).toBe(-1);
      expect(read[0].recordedAt).toBeInstanceOf(Date);
    });

    it('reads backwards, from a revision, and a bounded count', async () => {
      const stream = aStream();
      await store.appendToStream(
        stream,
        [1, 2, 3, 4, 5].map((n) => anEvent('N', { n })),
        'no_stream',
      );
      const numbers = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
      expect(numbers(await store.readStream(stream, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1]);
      expect(numbers(await store.readStream(stream, { fromRevision: 2 }))).toEqual([3, 4, 5]);
      expect(numbers(await store.readStream(stream, { direction: 'backwards', fromRevision: 2, maxCount: 2 }))).toEqual(
        [3, 2],
      );
      expect(numbers(await store.readStream(stream, { maxCount: 1 }))).toEqual([1]);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store.readStream(aStream())).toEqual([]);
    });

    it('appends to an existing stream at its exact revision, and with any', async () => {
      const stream = aStream();
      const first = await store.appendToStream(stream, [anEvent()], 'no_stream');
      const second = await store.appendToStream(stream, [anEvent()], first.nextExpectedRevision);
      expect(second.nextExpectedRevision).toBe(1);
      const third = await store.appendToStream(stream, [anEvent(), anEvent()], 'any');
      expect(third.nextExpectedRevision).toBe(3);
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    });
  });

  describe('expected revisions', () => {
    it('refuses no_stream when the stream exists, and a stale revision, writing nothing', async () => {
      const stream = aStream();
      await store.appendToStream(stream, [anEvent(), anEvent()], 'no_stream');
      await expect(store.appendToStream(stream, [anEvent()], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(store.appendToStream(stream, [anEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.appendToStream(stream, [anEvent()], 5)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses an exact revision on a stream that does not exist', async () => {
      const stream = aStream();
      await expect(store.appendToStream(stream, [anEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toEqual([]);
    });

    it('lets exactly one of many concurrent appenders at the same revision win', async () => {
      const stream = aStream();
      await store.appendToStream(stream, [anEvent()], 'no_stream');
      const contenders = 12;
      const outcomes = await Promise.allSettled(
        Array.from({ length: contenders }, (_, i) => store.appendToStream(stream, [anEvent('Contended', { i })], 0)),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(contenders - 1);
      for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('lets exactly one of many concurrent creators of a stream win', async () => {
      const stream = aStream();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () => store.appendToStream(stream, [anEvent()], 'no_stream')),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe('idempotent appends by event id', () => {
    it('treats re-appending the same batch as success and stores it once', async () => {
      const stream = aStream();
      const batch = [anEvent(), anEvent()];
      const first = await store.appendToStream(stream, batch, 'no_stream');
      const again = await store.appendToStream(stream, batch, 'no_stream');
      const againAny = await store.appendToStream(stream, batch, 'any');
      expect(again).toEqual(first);
      expect(againAny).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('answers a retry of an earlier batch with that batch, even after later appends', async () => {
      const stream = aStream();
      const batch = [anEvent()];
      const first = await store.appendToStream(stream, batch, 'no_stream');
      await store.appendToStream(stream, [anEvent()], 0);
      expect(await store.appendToStream(stream, batch, 'no_stream')).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses a batch that is only partly stored', async () => {
      const stream = aStream();
      const stored = anEvent();
      await store.appendToStream(stream, [stored], 'no_stream');
      await expect(store.appendToStream(stream, [stored, anEvent()], 'any')).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe('the global log', () => {
    it('reads every event once, in log order, page by page', async () => {
      const streams = [aStream(), aStream()];
      const ids = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const e = anEvent('Paged', { i });
        ids.add(e.id);
        await store.appendToStream(streams[i % 2], [e], 'any');
      }
      // The head is the last event committed; reading up to it may wait for another database's
      // open transaction (a test cluster is shared), never past a bounded while.
      const head = await store.head();
      const seen: RecordedEvent[] = [];
      let after = undefined as RecordedEvent['logPosition'] | undefined;
      for (let empty = 0; !after || compareLogPositions(after, head) < 0;) {
        const page = await store.readAll({ after, maxCount: 4 });
        if (page.length === 0) {
          expect(++empty).toBeLessThan(500);
          await new Promise((resolve) => setTimeout(resolve, 10));
          continue;
        }
        seen.push(...page);
        after = page[page.length - 1].logPosition;
      }
      const mine = seen.filter((e) => ids.has(e.id));
      expect(mine.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5]);
      for (let i = 1; i < seen.length; i++)
        expect(compareLogPositions(seen[i - 1].logPosition, seen[i].logPosition)).toBe(-1);
      expect(compareLogPositions(head, seen[seen.length - 1].logPosition)).toBe(0);
    });

    it('finds the log position of a client-visible position', async () => {
      const result = await store.appendToStream(aStream(), [anEvent()], 'no_stream');
      const found = await store.logPositionOf(result.position);
      expect(found).toBeDefined();
      expect(compareLogPositions(found!, result.logPosition)).toBe(0);
    });

    it('lets a live follower see every event of concurrent writers exactly once, in order', async () => {
      const start = await store.head();
      const writers = 6;
      const perWriter = 40;
      const written = new Set<string>();
      const controller = new AbortController();
      const seen: RecordedEvent[] = [];
      const following = (async () => {
        for await (const batch of store.follow({ after: start, signal: controller.signal, idleMs: 5, batchSize: 50 })) {
          seen.push(...batch);
          if (seen.filter((e) => written.has(e.id)).length >= writers * perWriter) controller.abort();
        }
      })();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const stream = aStream('load');
          for (let i = 0; i < perWriter; i++) {
            const batch = [anEvent('Load', { w, i })];
            written.add(batch[0].id);
            await store.appendToStream(stream, batch, i === 0 ? 'no_stream' : i - 1);
          }
        }),
      );
      const timeout = setTimeout(() => controller.abort(), 30_000);
      await following;
      clearTimeout(timeout);
      const mine = seen.filter((e) => written.has(e.id));
      expect(mine).toHaveLength(writers * perWriter);
      expect(new Set(mine.map((e) => e.id)).size).toBe(writers * perWriter);
      for (let i = 1; i < seen.length; i++)
        expect(compareLogPositions(seen[i - 1].logPosition, seen[i].logPosition)).toBe(-1);
    });
  });

  describe('units of work', () => {
    it('appends to several streams in one call, answering each in the order given, read back inside and after', async () => {
      const [a, b] = [aStream(), aStream()];
      await store.appendToStream(b, [anEvent('Before')], 'no_stream');
      const first = [anEvent('A1'), anEvent('A2')];
      const second = [anEvent('B1')];
      const results = await store.inUnitOfWork(async (unit) => {
        const appended = await unit.appendToStreams([
          { streamId: a, events: first, expectedRevision: 'no_stream' },
          { streamId: b, events: second, expectedRevision: 0 },
        ]);
        expect((await unit.readStream(a)).map((e) => e.id)).toEqual(first.map((e) => e.id));
        const more = await unit.appendToStreams([{ streamId: a, events: [anEvent('A3')], expectedRevision: 1 }]);
        return [...appended, ...more];
      });
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 1, 2]);
      expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A1', 'A2', 'A3']);
      const readB = await store.readStream(b);
      expect(readB.map((e) => e.type)).toEqual(['Before', 'B1']);
      expect(readB[1].position).toBe(results[1].position);
    });

    it('refuses a stream not at its expected revision, naming it, and goes on to commit what follows', async () => {
      const [a, b, c] = [aStream(), aStream(), aStream()];
      await store.appendToStream(b, [anEvent()], 'no_stream');
      let atomic = false;
      await store.inUnitOfWork(async (unit) => {
        atomic = unit.atomic;
        const refused = unit.appendToStreams([
          { streamId: a, events: [anEvent('A')], expectedRevision: 'no_stream' },
          { streamId: b, events: [anEvent('B')], expectedRevision: 'no_stream' },
        ]);
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({ streamId: b, actual: 0 });
        await unit.appendToStreams([{ streamId: c, events: [anEvent('C')], expectedRevision: 'no_stream' }]);
      });
      expect(await store.readStream(b)).toHaveLength(1);
      expect(await store.readStream(c)).toHaveLength(1);
      // Atomic stores append none of a refused call; the others keep the streams before the refusal.
      expect(await store.readStream(a)).toHaveLength(atomic ? 0 : 1);
    });

    it('answers events a stream already holds again, storing them once', async () => {
      const stream = aStream();
      const batch = [anEvent(), anEvent()];
      const first = await store.appendToStream(stream, batch, 'no_stream');
      await store.appendToStream(stream, [anEvent()], 1);
      const again = await store.inUnitOfWork((unit) =>
        unit.appendToStreams([{ streamId: stream, events: batch, expectedRevision: 'no_stream' }]),
      );
      expect(again).toEqual([first]);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('rethrows a failed work; only an atomic store takes back what it appended', async () => {
      const [a, b] = [aStream(), aStream()];
      const failure = new Error('half-way');
      let atomic = false;
      await expect(
        store.inUnitOfWork(async (unit) => {
          atomic = unit.atomic;
          await unit.appendToStreams([{ streamId: a, events: [anEvent()], expectedRevision: 'no_stream' }]);
          await unit.appendToStreams([{ streamId: b, events: [anEvent()], expectedRevision: 'no_stream' }]);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.readStream(a)).toHaveLength(atomic ? 0 : 1);
      expect(await store.readStream(b)).toHaveLength(atomic ? 0 : 1);
      // The streams are usable afterwards either way.
      await store.appendToStream(a, [anEvent()], atomic ? 'no_stream' : 0);
    });
  });

  describe('tamper evidence', () => {
    it('verifies an untouched log', async () => {
      await store.appendToStream(aStream(), [anEvent(), anEvent()], 'no_stream');
      const result = await store.verify();
      expect(result).toMatchObject({ ok: true });
      expect(result.eventsChecked).toBeGreaterThanOrEqual(2);
    });
  });
}
