import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { asAdmin, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { compareLogPositions } from '../event-store.port';
import { anEvent, aStream } from '../testing/event-store.contract';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore, READ_ALL } from './postgres-event-store';

/**
 * Two counties on one PostgreSQL server: a long transaction in one database must not hold back the
 * visible head of the other (it did while visibility was bounded by the cluster-wide snapshot xmin),
 * and must still hold back its own.
 */
describe('PostgresEventStore visibility, per database', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let storeA: PostgresEventStore;
  let storeB: PostgresEventStore;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(eventStoreMigrations), createTestDatabase(eventStoreMigrations)]);
    storeA = new PostgresEventStore(a.pool);
    storeB = new PostgresEventStore(b.pool);
  });
  afterAll(() => Promise.all([a.drop(), b.drop()]));

  async function openClient(url: string): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  }

  it("shows database A's appends at once while a transaction holds an id open in database B", async () => {
    const long = await openClient(b.url);
    try {
      await long.query('begin');
      // B's transaction appends (so it has its id and a row in B's log) and stays open, like an import.
      await long.query(
        "select * from append_to_stream($1, -1, array[gen_random_uuid()], '{InB}', '{\"{}\"}', '{\"{}\"}')",
        [aStream('b')],
      );
      const startA = await storeA.head();
      const appended = anEvent('InA');
      const result = await storeA.appendToStream(aStream('a'), [appended], 'no_stream');
      const started = Date.now();
      const read = await storeA.readAll({ after: startA });
      console.log(`database A's append visible after ${Date.now() - started} ms with B's transaction open`);
      expect(read.map((e) => e.id)).toEqual([appended.id]);
      expect(compareLogPositions(await storeA.head(), result.logPosition)).toBe(0);

      // B's own followers are still held back by it: an append in B after it is not yet visible.
      const startB = await storeB.head();
      const later = anEvent('LaterInB');
      await storeB.appendToStream(aStream('b'), [later], 'no_stream');
      expect(await storeB.readAll({ after: startB })).toEqual([]);
      await long.query('commit');
      expect((await storeB.readAll({ after: startB })).map((e) => e.type)).toEqual(['InB', 'LaterInB']);
    } finally {
      await long.end();
    }
  });

  it("sees another database's transactions as such when the service's role is no superuser", async () => {
    // pg_stat_activity shows every backend's database and xid to any role; pg_locks too.
    const role = `ledger_reader_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await asAdmin((c) => c.query(`create role ${role} login password '${password}'`));
    await asAdmin((c) => c.query(`grant select on events to ${role}`), a.name);
    const url = new URL(a.url);
    url.username = role;
    url.password = password;
    const pool = new Pool({ connectionString: url.toString(), max: 2 });
    const long = await openClient(b.url);
    try {
      await long.query('begin');
      await long.query('select pg_current_xact_id()');
      const start = await storeA.head();
      const appended = anEvent('InA');
      await storeA.appendToStream(aStream('a'), [appended], 'no_stream');
      const read = await new PostgresEventStore(pool).readAll({ after: start });
      expect(read.map((e) => e.id)).toEqual([appended.id]);
      await long.query('commit');
    } finally {
      await long.end();
      await pool.end();
      await asAdmin((c) => c.query(`drop owned by ${role}`), a.name);
      await asAdmin((c) => c.query(`drop role ${role}`));
    }
  });

  it('keeps A waiting for its own transaction that took its id before a later append committed', async () => {
    const early = await openClient(a.url);
    try {
      const start = await storeA.head();
      await early.query('begin');
      await early.query('select pg_current_xact_id()');
      const fast = anEvent('Fast');
      await storeA.appendToStream(aStream('a'), [fast], 'no_stream');
      expect(await storeA.readAll({ after: start })).toEqual([]);
      await early.query(
        "select * from append_to_stream($1, -1, array[gen_random_uuid()], '{Slow}', '{\"{}\"}', '{\"{}\"}')",
        [aStream('a')],
      );
      await early.query('commit');
      expect((await storeA.readAll({ after: start })).map((e) => e.type)).toEqual(['Slow', 'Fast']);
    } finally {
      await early.end();
    }
  });

  /** How many times one read of the log scanned the lock table, from its executed plan. */
  async function lockScansOfReadAll(after: { commit: bigint; prepare: bigint }): Promise<number> {
    const { rows } = await a.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `explain (analyze, format json) ${READ_ALL}`,
      [after.commit.toString(), after.prepare.toString(), 1000],
    );
    type PlanNode = { 'Function Name'?: string; 'Actual Loops'?: number; Plans?: PlanNode[] };
    const loops = (node: PlanNode): number =>
      (node['Function Name'] === 'pg_lock_status' ? (node['Actual Loops'] ?? 0) : 0) +
      (node.Plans ?? []).reduce((sum, child) => sum + loops(child), 0);
    return loops(rows[0]['QUERY PLAN'][0].Plan);
  }

  /** Waits (boundedly) until a transaction id is below the oldest transaction running on the server. */
  async function untilOlderThanEveryRunning(xid: bigint): Promise<void> {
    for (let tries = 0; ; tries++) {
      const { rows } = await a.pool.query<{ xmin: string }>(
        'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
      );
      if (BigInt(rows[0].xmin) > xid) return;
      expect(tries).toBeLessThan(500);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('answers a quiet poll without reading the lock table, even while another database holds an id', async () => {
    const long = await openClient(b.url);
    try {
      await long.query('begin');
      await long.query('select pg_current_xact_id()');
      const appended = anEvent('BeforeQuiet');
      await storeA.appendToStream(aStream('a'), [appended], 'no_stream');
      // B's transaction is the oldest running, so A's new event is above xmin: the full horizon is read.
      const head = await storeA.head();
      expect(await lockScansOfReadAll({ commit: head.commit - 1n, prepare: 0n })).toBeGreaterThan(0);
      // Nothing after the head: the poll is answered from the snapshot's xmin alone.
      expect(await lockScansOfReadAll(head)).toBe(0);
      expect(await storeA.readAll({ after: head })).toEqual([]);
      await long.query('commit');
    } finally {
      await long.end();
    }
  });

  it('takes the events below every running transaction without the lock table, and holds the rest', async () => {
    const start = await storeA.head();
    const before = anEvent('BeforeEarly');
    await storeA.appendToStream(aStream('a'), [before], 'no_stream');
    const early = await openClient(a.url);
    try {
      await early.query('begin');
      await early.query('select pg_current_xact_id()');
      const after = anEvent('AfterEarly');
      await storeA.appendToStream(aStream('a'), [after], 'no_stream');
      // AfterEarly is above xmin (the early transaction, ours): the horizon is read and stops at it.
      expect((await storeA.readAll({ after: start })).map((e) => e.id)).toEqual([before.id]);
      await early.query('commit');
      const all = await storeA.readAll({ after: start });
      expect(all.map((e) => e.id)).toEqual([before.id, after.id]);
      // Once everything predates every running transaction (the server is shared with other test
      // files, whose transactions may be older for a moment): no lock-table scan, nothing skipped or doubled.
      await untilOlderThanEveryRunning(all[1].logPosition.commit);
      expect(await lockScansOfReadAll(all[0].logPosition)).toBe(0);
      expect((await storeA.readAll({ after: all[0].logPosition })).map((e) => e.id)).toEqual([after.id]);
    } finally {
      await early.end();
    }
  });

  it('says when the horizon stopped at a transaction that has finished since the snapshot, so readAll asks again', async () => {
    // A repeatable-read reader keeps its first snapshot: the race of a transaction ending while a
    // poll runs, made to stand still.
    const holder = await openClient(a.url);
    const reader = await openClient(a.url);
    try {
      const start = await storeA.head();
      await holder.query('begin');
      await holder.query('select pg_current_xact_id()');
      const held = anEvent('HeldBack');
      await storeA.appendToStream(aStream('a'), [held], 'no_stream');
      await reader.query('begin isolation level repeatable read');
      await reader.query('select 1'); // the snapshot: the holder running, HeldBack committed after it took its id
      const poll = async () =>
        (
          await reader.query<{ event_id: string | null; held_by_ended: boolean }>(READ_ALL, [
            start.commit.toString(),
            start.prepare.toString(),
            1000,
          ])
        ).rows;
      // Held back. (Whether by the holder alone is not asserted: on a server shared with other test
      // files, a transaction of another database that was running at the snapshot and has ended since
      // can no longer be proven theirs, counts as ours, and answers `held_by_ended` already.)
      expect(await poll()).toEqual([expect.objectContaining({ event_id: null })]);
      await holder.query('commit');
      // Same snapshot, so still held back; but the holder is over, and a new statement sees past it.
      expect(await poll()).toEqual([expect.objectContaining({ event_id: null, held_by_ended: true })]);
      await reader.query('commit');
      expect((await storeA.readAll({ after: start })).map((e) => e.id)).toEqual([held.id]);
    } finally {
      await holder.end();
      await reader.end();
    }
  });

  it('never skips the append of a transaction that takes its id only after a follower read past', async () => {
    // The race of a transaction whose id is not yet written anywhere when the horizon is taken.
    const late = await openClient(a.url);
    try {
      const start = await storeA.head();
      await late.query('begin');
      await late.query('select 1'); // running, no id yet
      const first = anEvent('First');
      await storeA.appendToStream(aStream('a'), [first], 'no_stream');
      const seen = await storeA.readAll({ after: start });
      expect(seen.map((e) => e.id)).toEqual([first.id]);
      await late.query(
        "select * from append_to_stream($1, -1, array[gen_random_uuid()], '{Late}', '{\"{}\"}', '{\"{}\"}')",
        [aStream('a')],
      );
      await late.query('commit');
      const after = await storeA.readAll({ after: seen[0].logPosition });
      expect(after.map((e) => e.type)).toEqual(['Late']);
    } finally {
      await late.end();
    }
  });
});
