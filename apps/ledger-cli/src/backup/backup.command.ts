import { resolve } from 'node:path';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { Database, RuntimeConfig } from '@ledger/runtime';
import { writeBackup } from '@ledger/runtime/backup';
import { EXIT } from '../exit-codes';
import { progress } from '../projections/projections.command';

interface BackupOptions {
  json?: boolean;
}

/** `ledger-cli backup <file>`: the log and the records it cannot rebuild, from one snapshot, in one file. */
@Command({
  name: 'backup',
  arguments: '<file>',
  description: 'Back up the ledger (its log, seals, idempotency answers, imports, printed cards) to a file (备份账本)',
})
export class BackupCommand extends CommandRunner {
  constructor(
    private readonly database: Database,
    private readonly config: RuntimeConfig,
  ) {
    super();
  }

  async run([file]: string[], options: BackupOptions): Promise<void> {
    if (this.config.EVENTSTORE_CONNECTION_STRING) {
      process.stderr.write(
        'ledger-cli backup covers the PostgreSQL log; with EventStoreDB back up EventStoreDB with its own tools and PostgreSQL with pg_dump.\n',
      );
      process.exitCode = EXIT.REJECTED;
      return;
    }
    const target = resolve(file);
    const bar = progress('backup');
    const summary = await writeBackup(this.database.pool, target, (done, total) => bar.update(done, total)).finally(
      () => bar.stop(),
    );
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ file: target, ...summary })}\n`);
      return;
    }
    const records = Object.entries(summary.records)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    process.stdout.write(`Backed up ${summary.events} events and ${records} to ${target} (备份完成).\n`);
    if (summary.latestSeal)
      process.stdout.write(
        `Latest seal ${summary.latestSeal.sealNo} (up to position ${summary.latestSeal.upToPosition}): ${summary.latestSeal.hash}\n`,
      );
  }

  @Option({ flags: '--json', description: 'print the result as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'The file holds personal data and the ledger’s history: keep it where only operators can read it (it is',
      'written with mode 0600). Read models are not in it; a restore rebuilds them from the log.',
      '',
      'Examples:',
      '  $ ledger-cli backup /backups/ledger-2026-12-06.backup',
      '  $ ledger-cli backup ledger.backup --json',
      '',
      'Exit codes: 0 written, 1 failed, 2 usage.',
    ].join('\n');
  }
}
