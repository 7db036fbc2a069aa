import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** An operating-system account, as PostgreSQL runs under it when the ledger runs as root. */
export interface OsAccount {
  uid: number;
  gid: number;
}

/** Whether `account` has `bits` (1 search/execute, 4 read) on a file, from its owner, group or other bits. */
function permits(mode: number, owner: number, group: number, account: OsAccount, bits: number): boolean {
  if (account.uid === 0) return true;
  const shift = owner === account.uid ? 6 : group === account.gid ? 3 : 0;
  return ((mode >> shift) & bits) === bits;
}

/**
 * Whether `account` can walk from `/` to `path` and use it (`bits` on the path itself). Supplementary
 * groups are ignored: a "no" that is really a "yes" only costs a copy, the reverse would cost a crash.
 */
export async function canReach(account: OsAccount, path: string, bits = 1): Promise<boolean> {
  let current = resolve(path);
  let wanted = bits;
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (!info || !permits(info.mode, info.uid, info.gid, account, wanted)) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
    wanted = 1;
  }
}
