import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ProjectionsHost } from '@ledger/ledger';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The read side under a poison event, over HTTP: an event the household list cannot apply (a
 * year-0000 enrolment appended straight through the event-store port, as a write-side bug would)
 * parks that read model; /health answers 503 `degraded` naming it; a query waiting for a position
 * beyond it answers 503 at once, naming it; the other read models stay current; and a rebuild (once
 * the cause is fixed) repairs it while a client reading the list never sees it empty.
 */
describe('a parked read model', () => {
  let t: TestApp;
  let store: EventStore;
  let poisonPosition: number;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.close());

  const household = (n: number) => ({
    registrationNo: `42112701${String(n).padStart(5, '0')}`,
    headName: `户主${n}`,
    members: 3,
    village: '桃园村',
    township: '城关镇',
    county: '英山县',
  });

  it('is reported by /health (503 degraded, naming it) while the others stay current', async () => {
    for (let n = 1; n <= 10; n++) await t.post('/v1/households', household(n)).expect(201);
    const householdId = `household-${randomUUID()}`;
    poisonPosition = (
      await store.appendToStream(
        householdId,
        [
          {
            id: randomUUID(),
            type: 'HouseholdRegistered',
            data: { householdId, ...household(11), enrolledOn: '0000-01-01' },
            metadata: { userId: 'test' },
          },
        ],
        'no_stream',
      )
    ).position;
    const after = await t.post('/v1/households', household(12)).expect(201);
    let health = await t.http.get('/health');
    for (let i = 0; i < 200 && health.status === 200; i++) {
      await sleep(50);
      health = await t.http.get('/health');
    }
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'up', parked: ['household-list'] });
    const list = (health.body.projections as { name: string; status: string; parked?: unknown }[]).find(
      (p) => p.name === 'household-list',
    );
    expect(list).toMatchObject({
      status: 'parked',
      position: poisonPosition - 1,
      parked: { position: poisonPosition, eventType: 'HouseholdRegistered' },
    });
    process.stdout.write(`/health while parked: ${JSON.stringify(list)}\n`);
    // Another read model goes past the poison event: the household's own write is in its statement.
    const statement = await t.get(`/v1/households/${after.body.id}/statement?minPosition=${after.body.position}`);
    expect(statement.status).toBe(200);
  });

  it('answers a query waiting beyond it with 503 at once, naming it', async () => {
    const head = Number((await store.head()).prepare);
    const started = Date.now();
    const res = await t.get(`/v1/households?minPosition=${head}`).expect(503);
    const took = Date.now() - started;
    process.stdout.write(`a minPosition query on the parked list answered 503 in ${took} ms\n`);
    expect(took).toBeLessThan(2_000);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.detail).toContain('household-list');
    // Below the parked position it still answers.
    await t.get(`/v1/households?minPosition=${poisonPosition - 1}`).expect(200);
  });

  it('parks `ledger-cli projections rebuild` too while the cause is there: exit 1, the event and the error', async () => {
    const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');
    const child = spawn(process.execPath, [cliMain, 'projections', 'rebuild', 'household-list'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    process.stdout.write(`ledger-cli projections rebuild household-list: exit ${code}\n${stderr}`);
    expect(code).toBe(1);
    expect(stderr).toContain(`household-list: PARKED at position ${poisonPosition} (HouseholdRegistered`);
    expect(stderr).toContain('out of range');
    // The live read model was left as it was, still answering.
    const res = await t.get('/v1/households?limit=100').expect(200);
    expect(res.body.items).toHaveLength(10);
  }, 60_000);

  it('is repaired by a rebuild, while a client reading the list never sees it empty', async () => {
    const host = t.app.get(ProjectionsHost);
    // The bug is "fixed": the household list reads a year-0000 enrolment as unknown.
    const list = host.projections.find((p) => p.name === 'household-list')!;
    const fixed = {
      ...list,
      apply: (event: Parameters<typeof list.apply>[0]) => {
        const data = event.data as { enrolledOn?: string };
        return list.apply(
          data.enrolledOn?.startsWith('0000') ? { ...event, data: { ...data, enrolledOn: undefined } } : event,
        );
      },
    };
    let reading = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (reading) {
        const res = await t.get('/v1/households?limit=100').expect(200);
        seen.push((res.body.items as unknown[]).length);
      }
    })();
    await sleep(100);
    const results = await host.rebuilder([fixed]).run();
    await sleep(100);
    reading = false;
    await reader;
    expect(results).toEqual([expect.objectContaining({ name: 'household-list', status: 'rebuilt' })]);
    process.stdout.write(
      `list reads during the rebuild: ${seen.length}, fewest households seen ${Math.min(...seen)}\n`,
    );
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(10);
    expect((await t.http.get('/health').expect(200)).body.status).toBe('ok');
    const head = Number((await store.head()).prepare);
    const res = await t.get(`/v1/households?minPosition=${head}&limit=100`).expect(200);
    expect(res.body.items).toHaveLength(12);
  });
});
