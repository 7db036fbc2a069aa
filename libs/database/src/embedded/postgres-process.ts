import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { OsAccount } from './reach';

/** Messages are matched in English whatever the host's locale. */
const ENV = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

export interface Program {
  nativeDir: string;
  account: OsAccount & { switched: boolean };
}

function spawnAs(program: Program, name: string, args: string[], detached = false): ChildProcess {
  const ids = program.account.switched ? { uid: program.account.uid, gid: program.account.gid } : {};
  return spawn(join(program.nativeDir, 'bin', name), args, {
    ...ids,
    env: ENV,
    detached,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Runs a PostgreSQL program to its end, with `input` on stdin. Spawn failures (EACCES, ENOENT) become
 * a rejected promise with the program's name, never an unhandled `error` event.
 */
export function runToEnd(program: Program, name: string, args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(program, name, args);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`cannot run ${name}: ${error.message}`)));
    child.on('close', (code, signal) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${name} failed (${signal ?? `exit ${code}`}): ${output.trim()}`)),
    );
    child.stdin?.on('error', () => undefined); // a program that exits early closes its stdin
    child.stdin?.end(input);
  });
}

/**
 * Starts the server and resolves once it accepts connections. `detached`: in its own process group, so
 * a Ctrl-C in the terminal reaches the ledger, which finishes its requests before stopping the server.
 */
export function startServer(
  program: Program,
  clusterDir: string,
  settings: string[],
  log: (line: string) => void,
  detached: boolean,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(program, 'postgres', ['-D', clusterDir, ...settings], detached);
    let output = '';
    let ready = false;
    // In its own process group a Ctrl-C does not reach it: until it is ready (and the caller holds
    // it), a server still starting goes with this process rather than outlive it.
    const stopIfStarting = () => void child.kill('SIGQUIT');
    process.once('exit', stopIfStarting);
    child.once('exit', () => process.off('exit', stopIfStarting));
    child.stdin?.end();
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        output = '';
        process.off('exit', stopIfStarting);
        resolve(child);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.on('error', (error) => {
      if (!ready) reject(new Error(`cannot run postgres: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      if (!ready)
        reject(new Error(`PostgreSQL stopped while starting (${signal ?? `exit ${code}`}): ${output.trim()}`));
    });
  });
}
