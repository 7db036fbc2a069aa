import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const apiMain = join(__dirname, '../../dist/apps/ledger-api/src/main.js');
export const cliMain = join(__dirname, '../../dist/apps/ledger-cli/src/main.js');

/** Services still running: a failed expectation must not leave one behind (it would hold jest open). */
export const runningServices = new Set<ChildProcess>();

export interface StartedService {
  child: ChildProcess;
  output: () => string;
  readyMs: number;
}

/** The built service, started the way `npm start` starts it: no DATABASE_URL, embedded PostgreSQL. */
export async function startService(
  dataDir: string,
  port: number,
  { main = apiMain, env: extra = {} }: { main?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<StartedService> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEDGER_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // Two cores for the whole suite: no test here times the first PDF, so none pays its warm-up.
    LEDGER_PDF_WARM_UP: 'false',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.LEDGER_ADMIN_TOKEN;
  const started = Date.now();
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  runningServices.add(child);
  child.once('exit', () => runningServices.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited early with ${child.exitCode}:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`service not healthy after 60 s:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, output: () => output, readyMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function stopService(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** A household registration body; `n` makes the registration number unique. */
export const aHousehold = (n: string) => ({
  registrationNo: n,
  headName: '王五',
  members: 3,
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
});

/**
 * After a test, whatever happened: SIGTERM first, so each service stops its embedded PostgreSQL (which
 * runs in its own process group and would outlive a SIGKILLed service), SIGKILL only if one hangs.
 */
export async function stopAllServices(): Promise<void> {
  await Promise.all(
    [...runningServices].map(async (child) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await stopService(child, 'SIGTERM');
      clearTimeout(timer);
    }),
  );
}
