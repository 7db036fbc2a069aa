import { Inject } from '@nestjs/common';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommandRunner, Help, Option, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ProjectionsHost, type ProjectionRunner } from '@ledger/ledger';
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
  description: 'Empty a read model (or all of them) and rebuild it from the log, showing progress',
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
    const head = await this.store.head();
    const total = Number(head.prepare);
    const results: { name: string; position: number; events: number; seconds: number }[] = [];
    for (const projection of chosen) {
      const runner = this.host.runnerFor(projection);
      const started = Date.now();
      results.push({
        name: projection.name,
        ...(await this.rebuild(runner, total)),
        seconds: (Date.now() - started) / 1000,
      });
    }
    if (options.json) process.stdout.write(`${JSON.stringify(results)}\n`);
    else
      for (const r of results)
        process.stdout.write(
          `${r.name}: rebuilt from ${r.events} events up to position ${r.position} in ${r.seconds.toFixed(1)} s\n`,
        );
  }

  /**
   * With the projection's lock free, rebuild here; if a live runner (the API) holds it, reset the
   * model and let that runner rebuild it, watching its progress.
   */
  private async rebuild(runner: ProjectionRunner, total: number): Promise<{ position: number; events: number }> {
    const bar = progress(runner.projection.name);
    let events = 0;
    const lock = await runner.tryLock();
    try {
      await runner.reset();
      if (lock) {
        const checkpoint = await runner.catchUp((c, applied) => {
          events += applied;
          bar.update(c.position, total);
        });
        return { position: checkpoint.position, events };
      }
      process.stderr.write(`${runner.projection.name} is run by another process; it is rebuilding it now\n`);
      for (;;) {
        const checkpoint = await this.host.checkpoint(runner.projection.name);
        bar.update(checkpoint.position, total);
        if (checkpoint.position >= total) return { position: checkpoint.position, events: checkpoint.position };
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      bar.stop();
      if (lock) await runner.unlock(lock);
    }
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
      'A rebuilt read model is identical to the live one; queries answer from it as it catches up.',
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
