import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, asAdmin, type TestDatabase } from '../../../../test/support/test-database';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { compareLogPositions, type RecordedEvent } from '../event-store.port';
import { anEvent, aStream, eventStoreContract } from '../testing/event-store.contract';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore', () => {
  describe('contract', () => {
    eventStoreContract(async () => {
      const db = await createTestDatabase(eventStoreMigrations);
      return { store: new PostgresEventStore(db.pool), dispose: () => db.drop() };
    });
  });

  describe('on PostgreSQL', () => {
    let db: TestDatabase;
    let store: PostgresEventStore;
    beforeAll(async () => {
      db = await createTestDatabase(eventStoreMigrations);
      store = new PostgresEventStore(db.pool);
    });
    afterAll(() => db.drop());

    it('never lets a follower skip an event that a slower transaction commits later with a lower position', async () => {
      const start = await store.head();
      const slow = new Client({ connectionString: db.url });
      await slow.connect();
      try {
        // Transaction 1 takes its id first, then transaction 2 appends and commits.
        await slow.query('begin');
        await slow.query('select pg_current_xact_id()');
        const fast = anEvent('Fast');
        await store.appendToStream(aStream(), [fast], 'no_stream');
        // The follower polls while transaction 1 is still open: it must not move past it.
        const early = await store.readAll({ after: start });
        expect(early.map((e) => e.id)).not.toContain(fast.id);
        // Transaction 1 appends and commits.
        const slowEvent = anEvent('Slow');
        await slow.query('select * from append_to_stream($1, -1, $2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[])', [
          aStream(),
          [slowEvent.id],
          ['Slow'],
          ['{}'],
          ['{}'],
        ]);
        await slow.query('commit');
        const late = await store.readAll({ after: start });
        expect(late.map((e) => e.type)).toEqual(['Slow', 'Fast']);
      } finally {
        await slow.end();
      }
    });

    it('loses and repeats nothing over 1,000 scripted out-of-order commits and rollbacks', async () => {
      const start = await store.head();
      const committed = new Set<string>();
      const clients = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const c = new Client({ connectionString: db.url });
          await c.connect();
          return c;
        }),
      );
      const seen: RecordedEvent[] = [];
      let after = start;
      const poll = async () => {
        const page = await store.readAll({ after, maxCount: 10_000 });
        if (page.length) after = page[page.length - 1].logPosition;
        seen.push(...page);
      };
      try {
        let rolledBack = 0;
        for (let round = 0; round < 250; round++) {
          // Open four transactions, append in one order, finish them in another, poll in between.
          const ids = clients.map(() => randomUUID());
          for (const c of clients) await c.query('begin');
          for (const [i, c] of clients.entries()) {
            await c.query("select * from append_to_stream($1, -1, $2::uuid[], '{Scripted}', '{\"{}\"}', '{\"{}\"}')", [
              aStream('scripted'),
              [ids[i]],
            ]);
          }
          const order = [...clients.keys()].sort(() => Math.random() - 0.5);
          for (const i of order) {
            if (Math.random() < 0.1) {
              await clients[i].query('rollback');
              rolledBack++;
            } else {
              await clients[i].query('commit');
              committed.add(ids[i]);
            }
            await poll();
          }
        }
        await poll();
        const mine = seen.filter((e) => e.type === 'Scripted');
        const skipped = [...committed].filter((id) => !mine.some((e) => e.id === id));
        const duplicated = mine.length - new Set(mine.map((e) => e.id)).size;
        console.log(
          `1,000 scripted transactions (${rolledBack} rolled back): skipped ${skipped.length}, duplicated ${duplicated}`,
        );
        expect(skipped).toEqual([]);
        expect(duplicated).toBe(0);
        expect(mine).toHaveLength(committed.size);
        for (let i = 1; i < seen.length; i++)
          expect(compareLogPositions(seen[i - 1].logPosition, seen[i].logPosition)).toBe(-1);
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE on the events table', async () => {
      await store.appendToStream(aStream(), [anEvent()], 'no_stream');
      await expect(db.pool.query("update events set data = '{}'")).rejects.toThrow(/immutable/);
      await expect(db.pool.query('delete from events')).rejects.toThrow(/immutable/);
      await expect(db.pool.query('truncate events')).rejects.toThrow(/immutable/);
    });

    it('detects an event edited behind the service’s back and names its position', async () => {
      const stream = aStream();
      await store.appendToStream(
        stream,
        [anEvent('Paid', { amountFen: 200000 }), anEvent('Paid', { amountFen: 100 })],
        'no_stream',
      );
      const [, second] = await store.readStream(stream);
      expect((await store.verify()).ok).toBe(true);
      await asAdmin(async (c) => {
        await c.query('alter table events disable trigger events_immutable');
        await c.query(`update events set data = '{"amountFen": 900}' where global_position = $1`, [second.position]);
        await c.query('alter table events enable trigger events_immutable');
      }, db.name);
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: second.position });
    });

    it('detects an event deleted from the end of its stream', async () => {
      const stream = aStream();
      await store.appendToStream(stream, [anEvent(), anEvent()], 'no_stream');
      const [first, second] = await store.readStream(stream);
      await asAdmin(async (c) => {
        await c.query('alter table events disable trigger events_immutable');
        await c.query('delete from events where global_position = $1', [second.position]);
        await c.query('alter table events enable trigger events_immutable');
      }, db.name);
      const result = await store.verify();
      expect(result.ok).toBe(false);
      expect(result.firstBrokenPosition).toBeLessThanOrEqual(first.position);
    });
  });

  describe('units of work', () => {
    let db: TestDatabase;
    let store: PostgresEventStore;
    beforeAll(async () => {
      db = await createTestDatabase(eventStoreMigrations);
      store = new PostgresEventStore(db.pool);
    });
    afterAll(() => db.drop());

    it('leaves nothing of a unit that fails half-way: no event, no stream, the log head unmoved', async () => {
      const before = await store.head();
      const existing = aStream();
      await store.appendToStream(existing, [anEvent()], 'no_stream');
      const head = await store.head();
      const fresh = Array.from({ length: 50 }, () => aStream('unit'));
      await expect(
        store.inUnitOfWork(async (unit) => {
          // Two batches of many streams each, then a batch that meets a concurrent change.
          for (const part of [fresh.slice(0, 25), fresh.slice(25)]) {
            await unit.appendToStreams(
              part.map((streamId) => ({ streamId, events: [anEvent(), anEvent()], expectedRevision: 'no_stream' })),
            );
          }
          await unit.appendToStreams([{ streamId: existing, events: [anEvent()], expectedRevision: 0 }]);
          expect(await unit.readStream(fresh[0])).toHaveLength(2);
          throw new Error('a row was refused');
        }),
      ).rejects.toThrow('a row was refused');
      for (const stream of [...fresh, existing]) {
        expect(await store.readStream(stream)).toHaveLength(stream === existing ? 1 : 0);
      }
      const { rows } = await db.pool.query('select count(*)::int as n from streams where stream_id = any($1)', [fresh]);
      expect(rows[0].n).toBe(0);
      expect(compareLogPositions(await store.head(), head)).toBe(0);
      expect(compareLogPositions(head, before)).toBe(1);
      expect((await store.verify()).ok).toBe(true);
    });

    it('holds live followers back until it commits, then they read all of it in order', async () => {
      const start = await store.head();
      const streams = [aStream(), aStream(), aStream()];
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let appended!: () => void;
      const hasAppended = new Promise<void>((resolve) => (appended = resolve));
      const unit = store.inUnitOfWork(async (u) => {
        await u.appendToStreams(
          streams.map((streamId) => ({ streamId, events: [anEvent('InUnit')], expectedRevision: 'no_stream' })),
        );
        appended();
        await released;
      });
      await hasAppended;
      const outside = anEvent('Outside');
      await store.appendToStream(aStream(), [outside], 'no_stream');
      expect(await store.readAll({ after: start })).toEqual([]);
      release();
      await unit;
      const read = await store.readAll({ after: start });
      expect(read.map((e) => e.type)).toEqual(['InUnit', 'InUnit', 'InUnit', 'Outside']);
      expect(read.slice(0, 3).map((e) => e.streamId)).toEqual(streams);
    });

    it('makes another writer to a stream it appended to wait until it ends, then lose the race', async () => {
      const stream = aStream();
      await store.appendToStream(stream, [anEvent()], 'no_stream');
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let appended!: () => void;
      const hasAppended = new Promise<void>((resolve) => (appended = resolve));
      const unit = store.inUnitOfWork(async (u) => {
        await u.appendToStreams([{ streamId: stream, events: [anEvent('InUnit')], expectedRevision: 0 }]);
        appended();
        await released;
      });
      await hasAppended;
      let settled = false;
      const other = store.appendToStream(stream, [anEvent('Other')], 0).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(settled).toBe(false);
      release();
      await unit;
      await expect(other).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    });
  });
});
