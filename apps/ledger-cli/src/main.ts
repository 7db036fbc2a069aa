import 'reflect-metadata';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { dirname, join, resolve } from 'node:path';
import { ConfigModule } from '@nestjs/config';
import { CommandFactory } from 'nest-commander';
import { holdsLedger, NoLedgerError } from '@ledger/database';
import { RuntimeConfig } from '@ledger/runtime';
import { EXIT } from './exit-codes';

/**
 * The CLI's own logs go to stderr, all of them: stdout carries only a command's answer (`--json` is
 * read by scripts), and Nest's console logger would write warnings there, e.g. a pooled connection
 * lost while the embedded database stops at exit.
 */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

/** Help and usage need no database; everything else runs against the configured (or embedded) one. */
function wantsHelpOnly(args: string[]): boolean {
  return args.length === 0 || args.some((a) => a === '--help' || a === '-h' || a === 'help') || args[0] === '--version';
}

/** Commands that work on files alone (a payment's proof is checked without any database). */
const filesOnly = (args: string[]): boolean => args[0] === 'proof';

/**
 * The CLI run from the wrong folder (no LEDGER_DATA_DIR, no DATABASE_URL) must not create an empty
 * ledger there: one line, exit 2. Checked before Nest starts, after `.env` is read as the service reads it.
 */
async function refuseDataDirWithoutLedger(): Promise<void> {
  await ConfigModule.forRoot({ cache: true });
  if (process.env.DATABASE_URL) return;
  const dataDir = process.env.LEDGER_DATA_DIR || new RuntimeConfig().LEDGER_DATA_DIR;
  if (holdsLedger(dataDir)) return;
  process.stderr.write(`ledger-cli: ${new NoLedgerError(resolve(dataDir)).message}\n`);
  process.exit(EXIT.USAGE);
}

async function main(): Promise<void> {
  // `--init` is global: without it the CLI refuses a data directory that holds no ledger (a command run
  // from the wrong folder must not silently create an empty database there).
  // `restore` makes a new ledger: it may create one.
  const init = process.argv.includes('--init') || process.argv[2] === 'restore';
  process.argv = process.argv.filter((a) => a !== '--init');
  const args = process.argv.slice(2);
  if (!wantsHelpOnly(args) && !filesOnly(args) && !init) await refuseDataDirWithoutLedger();
  // commander names the program after the script file (main.js); people type `ledger-cli`.
  process.argv[1] = join(dirname(process.argv[1]), 'ledger-cli');
  process.env.LOG_LEVEL ??= 'warn';
  // Loaded here, not imported above: a files-only command never loads the ledger (files-only.module.ts).
  const root = filesOnly(args)
    ? (await import('./files-only.module')).FilesOnlyModule
    : (await import('./cli.module')).CliModule.register(wantsHelpOnly(args), { createDataDir: init });
  await CommandFactory.run(root, {
    cliName: 'ledger-cli',
    logger: new StderrLogger('ledger-cli', { logLevels: ['error', 'warn'] }),
    version: '0.1.0',
    errorHandler: (error) => {
      // commander's own exits (help shown, version shown) are not errors
      const code = (error as { code?: string }).code ?? '';
      if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
        process.exit(EXIT.OK);
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT.USAGE);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`ledger-cli: ${error.message}\n`);
      process.exit(EXIT.REJECTED);
    },
  });
}

// Exit with the command's own code once it is done (a library's exit hook must not turn it into 0).
main().then(
  () => process.exit(process.exitCode ?? EXIT.OK),
  (error: unknown) => {
    process.stderr.write(`ledger-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT.REJECTED);
  },
);
