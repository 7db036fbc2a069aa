import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { LogSeals } from '@ledger/event-store/seals/log-seals';
import { EXIT } from '../exit-codes';

interface SealOptions {
  json?: boolean;
}

/**
 * `ledger-cli seal`: seals the log now (the API also does every LEDGER_SEAL_INTERVAL_SECONDS) and
 * prints the seal's hash, which a county can record outside the system (minutes, a letter to the
 * auditor) so that not even a database administrator can rewrite what it covers unnoticed.
 */
@Command({
  name: 'seal',
  description: 'Seal the log up to now and print the seal’s hash to record elsewhere (封存账本并打印封存哈希)',
})
export class SealCommand extends CommandRunner {
  constructor(private readonly seals: LogSeals) {
    super();
  }

  async run(_params: string[], options: SealOptions): Promise<void> {
    let seal = await this.seals.seal();
    // Everything up to now may span several seals of at most 100,000 events each.
    while (seal) {
      const next = await this.seals.seal();
      if (!next) break;
      seal = next;
    }
    const latest = seal ?? (await this.seals.latest());
    if (options.json) {
      // `upTo` (the log position as bigints) is for the store, not for scripts.
      const shown = latest && {
        sealNo: latest.sealNo,
        upToPosition: latest.upToPosition,
        eventsSealed: latest.eventsSealed,
        hash: latest.hash,
        sealedAt: latest.sealedAt,
      };
      process.stdout.write(`${JSON.stringify({ sealed: seal !== undefined, latest: shown ?? null })}\n`);
    } else if (!latest) {
      process.stdout.write('Nothing to seal: the log is empty (账本为空).\n');
    } else {
      process.stdout.write(
        `${seal ? 'Sealed' : 'Nothing new to seal; latest'} seal ${latest.sealNo}: ${latest.eventsSealed} events up to position ${latest.upToPosition}\nhash ${latest.hash}\n`,
      );
    }
    process.exitCode = EXIT.OK;
  }

  @Option({ flags: '--json', description: 'print the seal as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Examples:',
      '  $ ledger-cli seal',
      '  $ ledger-cli seal --json',
      '',
      'Exit codes: 0 ok, 2 usage.',
    ].join('\n');
  }
}
