import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { CityLane } from './city/city-plan';
import { cityPhases } from './city/city-phases';
import { CityRefs, type WriteAnswer } from './city/city-refs';
import { generateCity } from './city/generate-city';
import type { Args } from './args';
import { HttpClient } from './http-client';
import { API_MAIN } from './measure/processes';
import { inParallel } from './stats';

/**
 * `npm run demo`: the service on its embedded database (a data dir of its own), one county of the
 * synthetic city loaded through the public HTTP API, then the admin token and statements to open.
 * Every write carries an Idempotency-Key derived from the plan, so an interrupted load resumes where
 * it stopped and a second run changes nothing.
 */
export async function runDemo(args: Args): Promise<void> {
  const dataDir = resolve(process.env.LEDGER_DATA_DIR ?? '.data-demo');
  const port = args.port ?? Number(process.env.PORT ?? 3000);
  await mkdir(dataDir, { recursive: true });
  const logFile = join(dataDir, 'demo-service.log');
  const out = (line = '') => process.stdout.write(`${line}\n`);

  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run "npm run build" first`);
  out(`Starting the ledger on http://localhost:${port} with its embedded PostgreSQL in ${dataDir}`);
  out(`(service log: ${logFile})`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEDGER_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  delete env.DATABASE_URL; // the embedded default, whatever the shell says
  const child = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = () => {
    // Ctrl-C: the service finishes what it is doing and stops its database; then so does the demo.
    if (!exited) child.kill('SIGTERM');
    child.once('exit', () => process.exit(0));
    if (exited) process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  // The admin token: the one the service generated and kept on its first start (or LEDGER_ADMIN_TOKEN).
  const baseUrl = `http://127.0.0.1:${port}`;
  let token = process.env.LEDGER_ADMIN_TOKEN;
  const probe = new HttpClient(baseUrl, '', 16);
  for (let waited = 0; ; waited += 250) {
    if (exited) throw new Error(`the service stopped at start; see ${logFile}`);
    try {
      if ((await probe.get('/health')).status === 200) break;
    } catch {
      // not listening yet
    }
    if (waited > 180_000) throw new Error(`the service did not start; see ${logFile}`);
    await sleep(250);
  }
  probe.close();
  token ??= (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  const client = new HttpClient(baseUrl, token, args.concurrency * 2);

  // One county of the city, as a clerk's office would have recorded it over three years.
  const city = generateCity({ seed: args.seed, scale: args.scale });
  const county =
    args.county === undefined
      ? city.counties[0]
      : (city.counties.find((c) => c.name === args.county) ?? city.counties[Number(args.county)]);
  if (!county) throw new Error(`no county ${args.county}; counties: ${city.counties.map((c) => c.name).join(', ')}`);
  const phases = cityPhases(city, { county: county.name });
  const total = phases.reduce((n, p) => n + p.ops, 0);
  out(
    `Loading ${county.name} of the synthetic city (seed ${args.seed}): ` +
      `${city.households.filter((h) => h.county === county.name).length} households, ${total} requests, ${args.concurrency} at a time`,
  );

  const refs = new CityRefs();
  const bar = new SingleBar(
    {
      format:
        '{phase} [{bar}] {percentage}% | {value}/{total} requests | {speed}/s | ETA {eta_formatted} | {errors} errors',
      hideCursor: true,
      etaBuffer: 2000,
    },
    Presets.shades_classic,
  );
  let done = 0;
  let errors = 0;
  const problems: string[] = [];
  const started = Date.now();
  bar.start(total, 0, { phase: phases[0].name.padEnd(22), speed: 0, errors });
  const tick = (phase: string) => {
    done++;
    if (done % 25 === 0 || done === total) {
      bar.update(done, {
        phase: phase.padEnd(22),
        speed: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)),
        errors,
      });
    }
  };
  let lastPosition = 0;
  for (const phase of phases) {
    await inParallel(phase.lanes(), args.concurrency, async (lane: CityLane) => {
      for (const [i, op] of lane.entries()) {
        let request;
        try {
          request = refs.request(op);
        } catch (error) {
          // An earlier write of this lane failed: what depends on it cannot be recorded.
          errors += lane.length - i;
          for (let k = i; k < lane.length; k++) tick(phase.name);
          problems.push(`${op.key}: ${(error as Error).message}`);
          return;
        }
        if (request) {
          const res = await client.post(request.path, request.body, {
            'Idempotency-Key': `demo-${args.seed}-${op.key}`,
          });
          if (res.status === 201) {
            const answer = res.json<WriteAnswer & { position?: number }>();
            refs.record(op, answer);
            lastPosition = Math.max(lastPosition, answer.position ?? 0);
          } else {
            errors++;
            if (problems.length < 20)
              problems.push(`${request.path}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
          }
        }
        tick(phase.name);
      }
      refs.release(lane[0].key);
    });
  }
  bar.update(total, { errors });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  out(
    `Loaded ${total} requests in ${seconds.toFixed(0)} s (${Math.round(total / seconds)}/s)${errors ? `, ${errors} failed` : ''}.`,
  );
  for (const p of problems.slice(0, 10)) out(`  ${p}`);

  // Households with the most linkages make the most telling statements.
  const linkages = new Map<string, number>();
  for (const list of [city.stakes, city.leases, city.employments, city.orders]) {
    for (const x of list) linkages.set(x.household, (linkages.get(x.household) ?? 0) + 1);
  }
  const showcase = city.households
    .filter((h) => h.county === county.name && refs.has(h.key))
    .sort((a, b) => (linkages.get(b.key) ?? 0) - (linkages.get(a.key) ?? 0))
    .slice(0, 3);
  // Wait until the statements show everything just written, then keep copies to open at once.
  const statementsDir = join(dataDir, 'statements');
  await mkdir(statementsDir, { recursive: true });
  const saved: string[] = [];
  for (const h of showcase) {
    const id = refs.id(h.key);
    let json = await client.get(`/v1/households/${id}/statement?minPosition=${lastPosition}`);
    for (let tries = 0; json.status === 503 && tries < 60; tries++) {
      json = await client.get(`/v1/households/${id}/statement?minPosition=${lastPosition}`);
    }
    if (json.status !== 200) continue;
    for (const ext of ['html', 'pdf'] as const) {
      const res = await client.get(`/v1/households/${id}/statement.${ext}`);
      if (res.status === 200) {
        const file = join(statementsDir, `${h.registrationNo}-${h.headName}.${ext}`);
        await writeFile(file, res.body);
        saved.push(file);
      }
    }
  }
  client.close();

  const base = `http://localhost:${port}`;
  out();
  out(`  The ledger is running at ${base} with ${county.name} loaded (data in ${dataDir}).`);
  out(`  Admin token:  ${token}`);
  out(`  API docs:     ${base}/api/docs  (press Authorize and paste the token to try every route)`);
  out();
  out('  Statements (明白卡) of a few households; every request needs the token:');
  for (const h of showcase) {
    const id = refs.id(h.key);
    out(`    ${h.headName} (${h.registrationNo}, ${h.village}, ${h.township}):`);
    out(`      JSON  ${base}/v1/households/${id}/statement`);
    out(`      HTML  ${base}/v1/households/${id}/statement.html`);
    out(`      PDF   ${base}/v1/households/${id}/statement.pdf`);
  }
  if (showcase[0]) {
    out();
    out(
      `  e.g. curl -H "Authorization: Bearer ${token}" ${base}/v1/households/${refs.id(showcase[0].key)}/statement.pdf -o statement.pdf`,
    );
  }
  if (saved.length > 0) {
    out();
    out(`  Saved copies to open directly:`);
    for (const f of saved) out(`    ${f}`);
  }
  out();
  out('  Press Ctrl-C to stop the service (the data stays; run "npm run demo" again to restart it).');
  await new Promise<void>((r) => child.once('exit', () => r()));
  log.end();
}
