import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * A secret kept in a file of the data directory (mode 0600), created on first use.
 * `created` tells the caller it is new (e.g. to print a generated admin token once).
 */
export async function loadOrCreateSecret(
  dataDir: string,
  name: string,
  generate: () => string = () => randomBytes(32).toString('base64url'),
): Promise<{ value: string; created: boolean; path: string }> {
  const path = join(resolve(dataDir), name);
  try {
    return { value: (await readFile(path, 'utf8')).trim(), created: false, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(resolve(dataDir), { recursive: true });
  const value = generate();
  await writeFile(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true, path };
}
