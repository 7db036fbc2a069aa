import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { migratePersonalData } from '@ledger/ledger/personal-data/migrate-personal-data';
import { Database } from '@ledger/runtime';
import { EXIT } from '../exit-codes';
import { progress } from '../projections/projections.command';

interface MigrateOptions {
  json?: boolean;
}

/**
 * `ledger-cli migrate-personal-data <old.backup> <new.backup>`: the one-time rewrite of a log written
 * before personal fields were sealed (see the README, "Erasure"). File to file: the running ledger is
 * not touched (its database only gives PostgreSQL's JSON text for the chain hashes); the new backup
 * is then restored into a new ledger, which verifies every rewritten chain, and sealed anew.
 */
@Command({
  name: 'migrate-personal-data',
  arguments: '<old> <new>',
  description:
    'Rewrite a backup into the sealed personal-data format, re-chained; old seals superseded (个人信息加密迁移)',
})
export class MigratePersonalDataCommand extends CommandRunner {
  constructor(private readonly database: Database) {
    super();
  }

  async run([oldFile, newFile]: string[], options: MigrateOptions): Promise<void> {
    const bar = progress('rewrite');
    const result = await migratePersonalData(this.database.pool, resolve(oldFile), resolve(newFile), (done, total) =>
      bar.update(done, total),
    ).finally(() => bar.stop());
    // The record of what was superseded and what replaces it, kept beside the new backup.
    const record = {
      oldBackup: resolve(oldFile),
      newBackup: resolve(newFile),
      migratedAt: new Date().toISOString(),
      ...result,
    };
    await writeFile(`${resolve(newFile)}.roots.json`, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    if (options.json) process.stdout.write(`${JSON.stringify(record)}\n`);
    else {
      const old = result.oldSeals.map((s) => `  seal ${s.sealNo}: hash ${s.hash}${s.root ? ` root ${s.root}` : ''}`);
      process.stdout.write(
        [
          `Rewrote ${result.events} events (${result.eventsSealed} sealed, ${result.households} household keys) into ${newFile}.`,
          `Superseded seals of the old log (${result.oldSeals.length}): their hashes and roots no longer match it.`,
          ...old,
          `New log's root (its first seal's): ${result.newRoot ?? '(more than one seal: see the seals after restore)'}`,
          `Recorded in ${newFile}.roots.json. Next: LEDGER_DATA_DIR=<new> ledger-cli restore ${newFile} && ledger-cli seal`,
          '',
        ].join('\n'),
      );
    }
    process.exitCode = EXIT.OK;
  }

  @Option({ flags: '--json', description: 'print the record as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Every earlier seal and published root is superseded: record the old and new roots (the .roots.json',
      'file) where the old ones were published. Events keep their positions, ids, order and recording times.',
      '',
      'Examples:',
      '  $ ledger-cli backup old.backup && ledger-cli migrate-personal-data old.backup sealed.backup',
      '  $ LEDGER_DATA_DIR=/srv/ledger-sealed ledger-cli restore sealed.backup && ledger-cli seal',
      '',
      'Exit codes: 0 rewritten, 1 refused, 2 usage.',
    ].join('\n');
  }
}
