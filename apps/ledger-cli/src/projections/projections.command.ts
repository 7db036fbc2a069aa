import { Inject } from '@nestjs/common';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommandRunner, Help, Option, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ProjectionsHost, type RebuildResult } from '@ledger/ledger';
import { EXIT } from '../exit-codes';

/** A progress bar on a terminal; plain lines when output goes to a file or a script. */
export function progress(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(done, total) {
        if (Date.now() - last < 2000 && done < total) return;
        last = Date.now();
        process.stderr.write(`${label}: position ${done} of ${total}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | position {value}/{total} | {eta_formatted} left`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

@SubCommand({ name: 'run', description: 'Keep every read model up to date with the log until stopped (Ctrl+C)' })
export class ProjectionsRunCommand extends CommandRunner {
  constructor(private readonly host: ProjectionsHost) {
    super();
  }

  async run(): Promise<void> {
    process.stderr.write(
      `following the log for ${this.host.projections.map((p) => p.name).join(', ')}; Ctrl+C stops\n`,
    );
    this.host.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await this.host.onApplicationShutdown();
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Run this as its own process when a county runs several API replicas with LEDGER_INLINE_PROJECTIONS=false;',
      'each projection is applied by exactly one process at a time (advisory locks), so starting two is safe.',
      '',
      'Example:',
      '  $ LEDGER_INLINE_PROJECTIONS=false DATABASE_URL=postgres://… ledger-cli projections run',
    ].join('\n');
  }
}

interface RebuildOptions {
  json?: boolean;
}

@SubCommand({
  name: 'rebuild',
  arguments: '[name]',
  description: 'Rebuild a read model (or all of them) from the log beside the live one, then swap it in',
})
export class ProjectionsRebuildCommand extends CommandRunner {
  constructor(
    private readonly host: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  async run([name]: string[], options: RebuildOptions): Promise<void> {
    const chosen = name ? this.host.projections.filter((p) => p.name === name) : this.host.projections;
    if (chosen.length === 0) {
      process.stderr.write(
        `no read model named ${name}; known: ${this.host.projections.map((p) => p.name).join(', ')}\n`,
      );
      process.exitCode = EXIT.USAGE;
      return;
    }
    const total = Number((await this.store.head()).prepare);
    const bar = progress(chosen.length === 1 ? chosen[0].name : 'read models');
    const started = Date.now();
    let results: RebuildResult[];
    try {
      results = await this.host.rebuilder(chosen).run((checkpoint) => bar.update(checkpoint.position, total));
    } catch (error) {
      bar.stop();
      process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.REJECTED;
      return;
    }
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    if (options.json) process.stdout.write(`${JSON.stringify({ seconds, results })}\n`);
    else
      for (const r of results) {
        if (r.status === 'rebuilt') {
          process.stdout.write(
            `${r.name}: rebuilt up to position ${r.position} and swapped in (${seconds.toFixed(1)} s)\n`,
          );
        } else {
          process.stderr.write(
            `${r.name}: PARKED at position ${r.poison.position} (${r.poison.eventType} ${r.poison.eventId}): ` +
              `${r.poison.error}\n  not swapped in; the live read model is left as it was. Fix the cause and rebuild again.\n`,
          );
        }
      }
    if (results.some((r) => r.status === 'parked')) process.exitCode = EXIT.REJECTED;
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
      '  $ ledger-cli projections rebuild                 # every read model',
      '  $ ledger-cli projections rebuild household-list  # one of them',
      '',
      'The read model is rebuilt beside the live one, which keeps answering queries, and swapped in by one',
      'transaction once caught up (a parked read model is unparked). An event it cannot apply parks the',
      'rebuild: nothing is swapped in, the event and the error are printed, and the exit code is 1.',
    ].join('\n');
  }
}

@Command({
  name: 'projections',
  description: 'Run or rebuild the read models (statements, obligations, fund flow, coverage…)',
  subCommands: [ProjectionsRunCommand, ProjectionsRebuildCommand],
})
export class ProjectionsCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
    return Promise.resolve();
  }
}
