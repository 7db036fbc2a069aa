import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BACKUP_FORMAT, LineDigest, type BackupHeader, type BackupLine, type BackupTrailer } from './backup-format';

/** Every line of a backup file, parsed, in order. */
export async function* backupLines(file: string): AsyncGenerator<{ text: string; line: BackupLine }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text) yield { text, line: JSON.parse(text) as BackupLine };
  }
}

/**
 * Reads the whole file once and checks it before anything is restored: a ledger backup, of a version
 * this code reads, complete (its trailer is there) and unchanged (the trailer's count and hash match).
 */
export async function checkBackup(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const digest = new LineDigest();
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  try {
    for await (const { text, line } of backupLines(file)) {
      if (trailer) throw new Error('lines after the end line');
      if (line.kind === 'end') trailer = line;
      else {
        if (!header) {
          if (line.kind !== 'header' || line.format !== BACKUP_FORMAT) throw new Error('not a ledger backup');
          if (line.version !== 1) throw new Error(`backup format version ${line.version} is not supported`);
          header = line;
        }
        digest.add(text);
      }
    }
  } catch (error) {
    throw new Error(`${file} cannot be restored: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!header || !trailer) throw new Error(`${file} cannot be restored: it is incomplete (no end line)`);
  if (trailer.lines !== digest.lines || trailer.sha256 !== digest.digest())
    throw new Error(`${file} cannot be restored: its content does not match its end line (changed or damaged)`);
  return { header, trailer };
}
