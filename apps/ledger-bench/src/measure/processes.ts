import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@ledger/database';
import { HttpClient } from '../http-client';
import type { Stoppable } from './throwaway-server';

/** Where the built apps are, next to this one in dist/. */
export const DIST_APPS = resolve(__dirname, '../../../');
export const API_MAIN = join(DIST_APPS, 'ledger-api/src/main.js');
export const CLI_MAIN = join(DIST_APPS, 'ledger-cli/src/main.js');

/** Resident set size figures of a running process, in MiB, from /proc (Linux). */
export async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Samples a process's peak RSS until it exits; answers the highest seen (VmHWM is itself a peak). */
export function watchPeak(child: ChildProcess, intervalMs = 50): { peakMb: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    void memoryOf(child.pid).then((m) => {
      if (m && m.peakMb > peak) peak = m.peakMb;
    });
  }, intervalMs);
  child.once('exit', () => clearInterval(timer));
  return { peakMb: () => peak };
}

export interface ApiProcess {
  child: ChildProcess;
  client: HttpClient;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the built API as its own process on a free port, and waits until /health answers 200. */
export async function startApi(options: {
  env: Record<string, string>;
  logFile: string;
  token: string;
  timeoutMs?: number;
  /** A folder for a CPU profile of the whole run (`node --cpu-prof`, written when the API stops). */
  profileDir?: string;
  /** False: the read models are left to a projector process (`startProjector`), as in `docker/`. */
  inlineProjections?: boolean;
  /** Told of the process as soon as it is spawned, so that an interrupted start leaves no orphan. */
  adopt?: (child: Stoppable) => void;
}): Promise<ApiProcess> {
  const port = await freePort();
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.profileDir)}`] : [];
  // Whether the API runs its projections inline is the bench's choice, not this process's environment.
  const { child, exited, stop } = spawnLogged([...profile, API_MAIN], options.logFile, {
    ...options.env,
    PORT: String(port),
    LEDGER_INLINE_PROJECTIONS: String(options.inlineProjections ?? true),
  });
  options.adopt?.({ stop });
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new HttpClient(baseUrl, options.token, 16);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exited()) throw new Error(`the API exited at start; see ${options.logFile}`);
    try {
      const res = await client.get('/health');
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the API did not become healthy; see ${options.logFile}`);
    }
    await sleep(200);
  }
  return {
    child,
    client,
    baseUrl,
    async stop() {
      client.close();
      await stop();
    },
  };
}

/** SIGTERM, up to 30 s to finish, then SIGKILL. */
async function stopChild(child: ChildProcess, exited: () => boolean): Promise<void> {
  if (exited()) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, sleep(30_000)]);
  if (!exited()) child.kill('SIGKILL');
}

/** `ledger-cli projections run` as its own process: the read models of an API started without them. */
export function startProjector(options: { env: Record<string, string>; logFile: string }): Stoppable {
  const { stop } = spawnLogged([CLI_MAIN, 'projections', 'run'], options.logFile, {
    ...options.env,
    LEDGER_INLINE_PROJECTIONS: 'false',
  });
  return { stop };
}

/** A built app as a child process, its output appended to `logFile`; `stop` ends both. */
function spawnLogged(
  argv: string[],
  logFile: string,
  env: Record<string, string>,
): { child: ChildProcess; exited: () => boolean; stop: () => Promise<void> } {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    child,
    exited: () => exited,
    stop: async () => {
      await stopChild(child, () => exited);
      log.end();
    },
  };
}

/** Waits until every projection of the API reports no lag. */
export async function waitForProjections(client: HttpClient, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get('/health');
    if (res.status === 200) {
      const { projections } = res.json<{ projections: { name: string; lag: number }[] }>();
      if (projections.every((p) => p.lag === 0)) return;
    }
    if (Date.now() > deadline) throw new Error('projections did not catch up in time');
    await sleep(250);
  }
}

/** Runs the built CLI with `args`, sampling its peak memory; answers its exit code, output and peak. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<{ code: number; stdout: string; stderr: string; peakMb: number; ms: number }> {
  const start = Date.now();
  const child = spawn(process.execPath, [CLI_MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const peak = watchPeak(child, 25);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // A run that takes far longer than the target is stopped: the measurement then says it timed out.
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const code = await new Promise<number>((r) => child.once('exit', (c) => r(c ?? 1)));
  clearTimeout(timer);
  return { code, stdout, stderr, peakMb: peak.peakMb(), ms: Date.now() - start };
}
