import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventStoreMigrations } from '../postgres/event-store.migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent, aStream } from '../testing/event-store.contract';
import { LogSeals, logSealsMigrations, nodeSha256 } from './log-seals';
import { verifyProof, type PaymentProof } from './merkle';
import { SealProofs } from './seal-proofs';

describe('SealProofs on PostgreSQL: Merkle roots kept with seals, inclusion proofs of events', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let seals: LogSeals;
  let proofs: SealProofs;

  beforeEach(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...logSealsMigrations]);
    store = new PostgresEventStore(db.pool);
    seals = new LogSeals(store, db.pool);
    proofs = new SealProofs(store, db.pool);
  });
  afterEach(() => db.drop());

  const appendStreams = async (count: number, eventsEach: number): Promise<number[]> => {
    const positions: number[] = [];
    for (let i = 0; i < count; i++) {
      const stream = aStream();
      await store.appendToStream(
        stream,
        Array.from({ length: eventsEach }, (_, n) => anEvent('Paid', { amountFen: 100 * (n + 1), i })),
        'no_stream',
      );
      positions.push(...(await store.readStream(stream)).map((e) => e.position));
    }
    return positions;
  };

  const asProof = (inclusion: NonNullable<Awaited<ReturnType<SealProofs['inclusionOf']>>>): PaymentProof => ({
    paymentId: 'lease-x.p1',
    algorithm: 'sha256',
    ...inclusion,
  });

  it('given two seals over 7 and 4 events, every event proves against its seal’s published root', async () => {
    const first = await appendStreams(7, 1);
    await seals.seal();
    const second = await appendStreams(2, 2);
    expect(await proofs.inclusionOf(second[0])).toBeUndefined(); // not sealed yet: 404
    await seals.seal();
    const published = await proofs.list();
    expect(published.map((s) => [s.sealId, s.fromPosition, s.toPosition, s.algorithm])).toEqual([
      [1, first[0], first[6], 'sha256'],
      [2, second[0], second[3], 'sha256'],
    ]);
    for (const [positions, seal] of [
      [first, published[0]],
      [second, published[1]],
    ] as const) {
      for (const position of positions) {
        const inclusion = (await proofs.inclusionOf(position))!;
        expect(inclusion.seal).toMatchObject({ sealId: seal.sealId, root: seal.root });
        expect(await verifyProof(nodeSha256, asProof(inclusion), seal.root)).toEqual({ ok: true, root: seal.root });
      }
    }
    expect(await seals.verify()).toMatchObject({ sealsChecked: 2, rootsChecked: 2 });
    expect((await seals.verify()).brokenSeal).toBeUndefined();
    expect(await proofs.list(1)).toEqual([published[1]]);
  });

  it('given an event edited after sealing, its proof no longer leads to the published root and verify names the root', async () => {
    const positions = await appendStreams(5, 1);
    await seals.seal();
    const [seal] = await proofs.list();
    await db.pool.query('alter table events disable trigger events_immutable');
    await db.pool.query(`update events set hash = sha256(hash) where global_position = $1`, [positions[2]]);
    await db.pool.query('alter table events enable trigger events_immutable');
    const tampered = asProof((await proofs.inclusionOf(positions[2]))!);
    expect(await verifyProof(nodeSha256, tampered, seal.root)).toMatchObject({ ok: false, reason: 'root_mismatch' });
    expect((await seals.verify()).brokenSeal).toMatchObject({ sealNo: 1, mismatch: 'root' });
  });

  it('given a seal made before seals had roots, its events have no proof (404) and verify checks its hash alone', async () => {
    const positions = await appendStreams(3, 1);
    await seals.seal();
    // What the migration leaves for a seal made before it: no root, no range.
    await db.pool.query('alter table log_seals disable trigger log_seals_immutable');
    await db.pool.query('update log_seals set root = null, from_position = null, to_position = null');
    await db.pool.query('alter table log_seals enable trigger log_seals_immutable');
    expect(await proofs.inclusionOf(positions[0])).toBeUndefined();
    expect(await proofs.list()).toEqual([]);
    expect(await seals.verify()).toMatchObject({ sealsChecked: 1, rootsChecked: 0 });
    expect((await seals.verify()).brokenSeal).toBeUndefined();
  });
});
