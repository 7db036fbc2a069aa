import { Inject } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, CommandRunner, Help, Option, SubCommand } from 'nest-commander';
import { compareLogPositions, EVENT_STORE, type EventStore } from '@ledger/event-store';
import { formatYuan, ProjectionsHost } from '@ledger/ledger';
import type { Actor } from '@ledger/ledger/common/actor';
import { DomainError } from '@ledger/ledger/common/domain-error';
import { householdIdFor } from '@ledger/ledger/households/household-id';
import { householdListProjection } from '@ledger/ledger/households/list-households/household-list.projection';
import { STATEMENT_MODELS } from '@ledger/ledger/statements/statement';
import {
  normaliseStatementCode,
  printVillageCards,
  StatementPrinter,
  villageHouseholds,
  type PrintRequest,
  type StatementVerification,
  type VillageCardResult,
} from '@ledger/ledger/statements/printable';
import { isLedgerDate, isLedgerInstant, LEDGER_DATE_RANGE } from '@ledger/ledger/primitives/calendar';
import { textProblem } from '@ledger/ledger/primitives/text';
import { Database } from '@ledger/runtime';
import { EXIT } from '../exit-codes';

/** The operator at the terminal acts as an admin; cards record who printed them. */
function cliActor(): Actor {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // no user database in some containers
  }
  return { userId: `ledger-cli:${name}`, role: 'admin', townships: [] };
}

class UsageError extends Error {}

/**
 * The CLI runs no projections of its own: bring the read models a statement needs up to the log's
 * head (here, or by waiting for the process that runs them) so the cards show everything recorded.
 */
async function catchUpReadModels(host: ProjectionsHost, store: EventStore, names: readonly string[]): Promise<void> {
  for (const projection of host.projections.filter((p) => names.includes(p.name))) {
    // A parked read model would print a card missing what was recorded after it stopped.
    await host.refuseParked([projection.name]);
    const runner = host.runnerFor(projection);
    const lock = await runner.tryLock();
    if (lock) {
      try {
        await runner.catchUp();
      } finally {
        await runner.unlock(lock);
      }
      continue;
    }
    const head = await store.head();
    const deadline = Date.now() + 30_000;
    while (compareLogPositions((await host.checkpoint(projection.name)).logPosition, head) < 0) {
      await host.refuseParked([projection.name]);
      if (Date.now() > deadline)
        throw new Error(`the ${projection.name} read model is not catching up; is it running?`);
      await sleep(100);
    }
  }
}

const YEAR = /^\d{4}$/;

interface StatementOptions {
  household?: string;
  village?: string;
  township?: string;
  year?: string;
  asOf?: string;
  lang?: 'zh' | 'en';
  out?: string;
  json?: boolean;
}

function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** Why a verification failed, in a line a clerk can read. */
function verificationLine(code: string, v: StatementVerification): string {
  const h = v.household;
  const who = `${h.headName} (${h.registrationNo}, ${h.village})`;
  if (v.ok) {
    return `MATCH: card ${code} of ${who} agrees with the ledger as of ${v.issue.asOf}: ${formatYuan(v.issue.totalFen)} yuan over ${v.issue.lines} payment(s) (明白卡与账本一致).`;
  }
  return (
    `MISMATCH: card ${code} of ${who} shows ${formatYuan(v.issue.totalFen)} yuan over ${v.issue.lines} payment(s); ` +
    `the ledger as of ${v.issue.asOf} now gives ${formatYuan(v.current.totalFen)} yuan over ${v.current.lines} (明白卡与账本不一致).`
  );
}

@SubCommand({
  name: 'verify',
  arguments: '<code>',
  description: 'Check a printed clarity card by its verification code (核验明白卡)',
})
export class StatementVerifyCommand extends CommandRunner {
  constructor(
    private readonly printer: StatementPrinter,
    private readonly host: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  async run([typed]: string[], options: { json?: boolean }): Promise<void> {
    const code = normaliseStatementCode(typed ?? '');
    if (!code) {
      process.stderr.write(`${typed} is not a verification code: twelve letters and digits, e.g. 7K3M-9QXP-2HDT\n`);
      process.exitCode = EXIT.REJECTED;
      return;
    }
    await catchUpReadModels(this.host, this.store, STATEMENT_MODELS);
    let verification: StatementVerification;
    try {
      verification = await this.printer.verify(code, cliActor());
    } catch (error) {
      if (error instanceof DomainError && error.code === 'STATEMENT.UNKNOWN_CODE') {
        if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, code, error: error.code })}\n`);
        else process.stdout.write(`UNKNOWN: no card was printed with the code ${code} (查无此核验码).\n`);
        process.exitCode = EXIT.REJECTED;
        return;
      }
      throw error;
    }
    if (options.json) process.stdout.write(`${JSON.stringify(verification)}\n`);
    else process.stdout.write(`${verificationLine(code, verification)}\n`);
    process.exitCode = verification.ok ? EXIT.OK : EXIT.REJECTED;
  }

  @Option({ flags: '--json', description: 'print the result as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'The code is read as typed from paper: case, spaces and dashes do not matter, O reads as 0, I and L as 1.',
      '',
      'Examples:',
      '  $ ledger-cli statement verify 7K3M-9QXP-2HDT',
      '  $ ledger-cli statement verify 7k3m9qxp2hdt --json',
      '',
      'Exit codes: 0 the card matches the ledger, 1 it does not (or no card has that code), 2 usage.',
    ].join('\n');
  }
}

/** `ledger-cli statement`: print clarity cards, for one household or a whole village. */
@Command({
  name: 'statement',
  description: 'Print households’ clarity cards as PDF (打印收益明白卡), or check one (verify)',
  subCommands: [StatementVerifyCommand],
})
export class StatementCommand extends CommandRunner {
  constructor(
    private readonly printer: StatementPrinter,
    private readonly host: ProjectionsHost,
    private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  async run(_params: string[], options: StatementOptions): Promise<void> {
    let request: PrintRequest;
    try {
      request = this.request(options);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\nSee: ledger-cli statement --help\n`);
      process.exitCode = EXIT.USAGE;
      return;
    }
    await catchUpReadModels(this.host, this.store, [...STATEMENT_MODELS, householdListProjection.name]);
    if (options.household) await this.one(options.household, request, options);
    else await this.village(options.village!, request, options);
  }

  private request(options: StatementOptions): PrintRequest {
    if (!options.household === !options.village) throw new UsageError('Give either --household or --village.');
    if (!options.out) throw new UsageError('Give --out (a .pdf or .html file; a directory with --village).');
    // The same input domain as the API's (primitives/calendar.ts, primitives/text.ts).
    if (options.year !== undefined && !(YEAR.test(options.year) && isLedgerDate(`${options.year}-12-31`)))
      throw new UsageError('--year must be a year from 1949 to 2100: 2018');
    if (options.asOf !== undefined && !isLedgerInstant(options.asOf))
      throw new UsageError(
        `--as-of must be an ISO 8601 instant with offset dated ${LEDGER_DATE_RANGE}: 2019-01-01T00:00:00+08:00`,
      );
    for (const [flag, value] of [
      ['--household', options.household],
      ['--village', options.village],
      ['--township', options.township],
    ] as const) {
      const problem = value === undefined ? undefined : textProblem(value);
      if (problem || (value !== undefined && (value.trim() === '' || value.length > 100)))
        throw new UsageError(`${flag} ${problem?.en ?? 'must be 1 to 100 characters, not only spaces'}`);
    }
    if (options.lang !== undefined && options.lang !== 'zh' && options.lang !== 'en')
      throw new UsageError('--lang must be zh or en');
    return {
      ...(options.year ? { from: `${options.year}-01-01`, to: `${options.year}-12-31` } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
      lang: options.lang ?? 'zh',
    };
  }

  private async one(household: string, request: PrintRequest, options: StatementOptions): Promise<void> {
    // An id, or the registration number people know the household by.
    const householdId = household.startsWith('household-') ? household : householdIdFor(household);
    const out = options.out!;
    const actor = cliActor();
    const printed = out.toLowerCase().endsWith('.html')
      ? await this.printer.html(householdId, request, actor)
      : await this.printer.pdf(householdId, request, actor);
    await writeFile(out, printed.body);
    const summary = {
      householdId,
      registrationNo: printed.statement.household.registrationNo,
      headName: printed.statement.household.headName,
      file: out,
      code: printed.code,
      totalFen: printed.issue.totalFen,
      lines: printed.issue.lines,
    };
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      process.stdout.write(
        `${out}: ${summary.headName} (${summary.registrationNo}), ${summary.lines} payment(s), total ${formatYuan(summary.totalFen)} yuan; verification code ${summary.code}\n`,
      );
  }

  private async village(village: string, request: PrintRequest, options: StatementOptions): Promise<void> {
    const households = await villageHouseholds(this.database.pool, village, options.township);
    const rows = households.map((h) => ({
      household_id: h.householdId,
      registration_no: h.registrationNo,
      head_name: h.headName,
    }));
    if (rows.length === 0) {
      process.stderr.write(
        `no household registered in the village ${village}${options.township ? ` of ${options.township}` : ''}\n`,
      );
      process.exitCode = EXIT.REJECTED;
      return;
    }
    if (options.out!.toLowerCase().endsWith('.pdf')) {
      await this.villageInOnePdf(village, households, request, options);
      return;
    }
    const dir = options.out!;
    await mkdir(dir, { recursive: true });
    const actor = cliActor();
    const printed: { registrationNo: string; headName: string; file: string; code: string; totalFen: number }[] = [];
    const failed: { registrationNo: string; error: string }[] = [];
    for (const [i, row] of rows.entries()) {
      const file = join(dir, `${safeFileName(row.registration_no)}-${safeFileName(row.head_name)}.pdf`);
      const progress = `[${i + 1}/${rows.length}] ${row.registration_no} ${row.head_name}`;
      try {
        const card = await this.printer.pdf(row.household_id, request, actor);
        await writeFile(file, card.body);
        printed.push({
          registrationNo: row.registration_no,
          headName: row.head_name,
          file,
          code: card.code,
          totalFen: card.issue.totalFen,
        });
        process.stderr.write(`${progress} → ${file}  ${card.code}  ${formatYuan(card.issue.totalFen)}\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failed.push({ registrationNo: row.registration_no, error: message });
        process.stderr.write(`${progress} FAILED: ${message}\n`);
      }
    }
    if (options.json) process.stdout.write(`${JSON.stringify({ village, printed, failed })}\n`);
    else
      process.stdout.write(
        `${printed.length} card(s) printed to ${dir}${failed.length ? `, ${failed.length} failed` : ''}.\n`,
      );
    process.exitCode = failed.length ? EXIT.REJECTED : EXIT.OK;
  }

  /** Every card of the village in one PDF, streamed to the file as it is printed. */
  private async villageInOnePdf(
    village: string,
    households: Parameters<typeof printVillageCards>[1],
    request: PrintRequest,
    options: StatementOptions,
  ): Promise<void> {
    const file = options.out!;
    const started = Date.now();
    const report = (done: number, total: number, r: VillageCardResult) => {
      const who = `${r.household.registrationNo} ${r.household.headName}`;
      const elapsed = (Date.now() - started) / 1000;
      const left = done < total ? `, about ${Math.ceil((elapsed / done) * (total - done))} s left` : '';
      process.stderr.write(
        r.ok
          ? `[${done}/${total}] ${who}  ${r.code}  ${formatYuan(r.totalFen)}${left}\n`
          : `[${done}/${total}] ${who} FAILED: ${r.error}\n`,
      );
    };
    const results = await printVillageCards(
      this.printer,
      households,
      request,
      cliActor(),
      createWriteStream(file),
      report,
    );
    const printed = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({
          village,
          file,
          printed: printed.map((r) => ({
            registrationNo: r.household.registrationNo,
            headName: r.household.headName,
            code: r.code,
            totalFen: r.totalFen,
          })),
          failed: failed.map((r) => ({ registrationNo: r.household.registrationNo, error: r.error })),
        })}\n`,
      );
    } else {
      process.stdout.write(
        `${printed.length} card(s) printed to ${file}${failed.length ? `, ${failed.length} failed` : ''}.\n`,
      );
    }
    process.exitCode = failed.length ? EXIT.REJECTED : EXIT.OK;
  }

  @Option({ flags: '--household <id>', description: 'household id, or its registration number (建档立卡编号)' })
  parseHousehold(value: string): string {
    return value;
  }

  @Option({ flags: '--village <name>', description: 'print a card for every household of this village (村)' })
  parseVillage(value: string): string {
    return value;
  }

  @Option({ flags: '--township <name>', description: 'with --village: the township (乡镇), when names repeat' })
  parseTownship(value: string): string {
    return value;
  }

  @Option({ flags: '--year <yyyy>', description: 'payments made in that year only (default: the whole record)' })
  parseYear(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <instant>', description: 'the ledger as it stood then (default: now)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <zh|en>', description: 'language of the card (default zh)' })
  parseLang(value: string): string {
    return value;
  }

  @Option({
    flags: '--out <path>',
    description:
      'file to write (.pdf, or .html for a web page); with --village, one .pdf of every card, or a directory of files',
  })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print a summary as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Each card is recorded with a verification code printed on it; check one later with `statement verify`.',
      '',
      'Examples:',
      '  $ ledger-cli statement --household 4211240100001 --year 2018 --out 张三-2018.pdf',
      '  $ ledger-cli statement --household household-3f0c… --lang en --out statement.pdf',
      '  $ ledger-cli statement --household 4211240100001 --out card.html',
      '  $ ledger-cli statement --village 桃园村 --out 桃园村-明白卡.pdf     (one PDF, a card per household)',
      '  $ ledger-cli statement --village 桃园村 --year 2018 --out cards/   (a file per household)',
      '  $ ledger-cli statement verify 7K3M-9QXP-2HDT',
      '',
      'Exit codes: 0 printed, 1 a card could not be printed (or no household found), 2 usage.',
    ].join('\n');
  }
}
