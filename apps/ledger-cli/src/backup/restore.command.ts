import { resolve } from 'node:path';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { Database, RuntimeConfig } from '@ledger/runtime';
import { restoreBackup } from '@ledger/runtime/backup';
import { EXIT } from '../exit-codes';
import { progress, ProjectionsRebuildCommand } from '../projections/projections.command';

interface RestoreOptions {
  json?: boolean;
}

/**
 * `ledger-cli restore <file>`: into a new, empty ledger (the configured database, or a new embedded one
 * in LEDGER_DATA_DIR), then proves it (chains, seals, the latest seal's hash) and rebuilds the read models.
 */
@Command({
  name: 'restore',
  arguments: '<file>',
  description: 'Restore a backup into a new, empty ledger, verify it and rebuild the read models (恢复账本)',
})
export class RestoreCommand extends CommandRunner {
  constructor(
    private readonly database: Database,
    private readonly config: RuntimeConfig,
    private readonly rebuild: ProjectionsRebuildCommand,
  ) {
    super();
  }

  async run([file]: string[], options: RestoreOptions): Promise<void> {
    if (this.config.EVENTSTORE_CONNECTION_STRING) {
      process.stderr.write('ledger-cli restore writes the PostgreSQL log; unset EVENTSTORE_CONNECTION_STRING.\n');
      process.exitCode = EXIT.REJECTED;
      return;
    }
    const bar = progress('restore');
    const summary = await restoreBackup(this.database.pool, resolve(file), (done, total) =>
      bar.update(done, total),
    ).finally(() => bar.stop());
    const ok = summary.chainsOk && !summary.seals.brokenSeal && summary.latestSealMatches;
    if (options.json) process.stdout.write(`${JSON.stringify({ ok, ...summary })}\n`);
    else if (ok)
      process.stdout.write(
        `Restored ${summary.events} events from a backup of ${summary.header.createdAt}; every hash chain and seal verified${summary.header.latestSeal ? `, latest seal ${summary.header.latestSeal.hash} as backed up` : ''} (恢复并校验通过).\n`,
      );
    else
      process.stdout.write(
        `Restored ${summary.events} events, but verification FAILED: chains ${summary.chainsOk ? 'ok' : 'broken'}, seals ${summary.seals.brokenSeal ? `broken at seal ${summary.seals.brokenSeal.sealNo}` : 'ok'}, latest seal ${summary.latestSealMatches ? 'as backed up' : 'differs from the backup'} (校验未通过).\n`,
      );
    if (!ok) {
      process.exitCode = EXIT.REJECTED;
      return;
    }
    // The read models start empty in a new database: rebuild them now, so the ledger answers at once.
    if (!options.json) await this.rebuild.run([], {});
  }

  @Option({
    flags: '--json',
    description: 'print the result as JSON for scripts (read models are rebuilt when the service starts)',
  })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Restores only into a ledger that holds nothing yet: a new LEDGER_DATA_DIR (created), or an empty',
      'database at DATABASE_URL (migrated first). Positions, recording times and hashes stay as they were.',
      '',
      'Examples:',
      '  $ LEDGER_DATA_DIR=/srv/ledger-restored ledger-cli restore /backups/ledger-2026-12-06.backup',
      '  $ DATABASE_URL=postgres://… ledger-cli restore ledger.backup --json',
      '',
      'Exit codes: 0 restored and verified, 1 refused or verification failed, 2 usage.',
    ].join('\n');
  }
}
