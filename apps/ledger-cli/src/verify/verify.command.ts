import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { LogSeals } from '@ledger/event-store/seals/log-seals';
import { verifyLog } from '@ledger/ledger/audit/verify-log';
import { EXIT } from '../exit-codes';

interface VerifyOptions {
  json?: boolean;
}

/** `ledger-cli verify`: recomputes every stream's hash chain and every seal, and names the first broken position. */
@Command({
  name: 'verify',
  description: 'Check that no stored event was changed or removed behind the ledger’s back (校验账本防篡改哈希链)',
})
export class VerifyCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly seals: LogSeals,
  ) {
    super();
  }

  async run(_params: string[], options: VerifyOptions): Promise<void> {
    const result = await verifyLog(this.store, this.seals);
    const { latestSeal, unsealedEvents, brokenSeal } = result.seals;
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else if (result.ok) {
      process.stdout.write(`OK: ${result.eventsChecked} events checked, every hash chain intact (校验通过).\n`);
    } else {
      process.stdout.write(
        result.firstBrokenBy === 'chain'
          ? `BROKEN: ${result.eventsChecked} events checked; the first event that does not match what was recorded is at position ${result.firstBrokenPosition} (账本已被改动).\n`
          : `BROKEN: ${result.eventsChecked} events checked; every stream's chain matches, but a seal does not: events from position ${result.firstBrokenPosition} on were rewritten, added or removed (封存区段被改动).\n`,
      );
    }
    if (!options.json) {
      if (brokenSeal) {
        process.stdout.write(
          `Seal ${brokenSeal.sealNo} (positions up to ${brokenSeal.upToPosition}) sealed ${brokenSeal.eventsExpected} events; the log now holds ${brokenSeal.eventsFound} there, or different ones (封存区段被改动).\n`,
        );
      }
      if (latestSeal) {
        process.stdout.write(
          `Latest seal ${latestSeal.sealNo}: up to position ${latestSeal.upToPosition}, hash ${latestSeal.hash}; ${unsealedEvents} events since (最新封存).\n`,
        );
      } else {
        process.stdout.write(
          `No seal yet: ${unsealedEvents} events are protected by their streams' chains only (尚未封存).\n`,
        );
      }
    }
    process.exitCode = result.ok ? EXIT.OK : EXIT.REJECTED;
  }

  @Option({ flags: '--json', description: 'print the result as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Examples:',
      '  $ ledger-cli verify',
      '  $ ledger-cli verify --json',
      '',
      'Exit codes: 0 intact, 1 broken, 2 usage.',
    ].join('\n');
  }
}
