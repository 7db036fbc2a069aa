import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Help, Option, SubCommand } from 'nest-commander';
import type { Actor } from '@ledger/ledger/common/actor';
import { DomainError } from '@ledger/ledger/common/domain-error';
import { BadInputException } from '@ledger/ledger/common/bad-input';
import {
  IMPORT_KINDS,
  KIND_COLUMNS,
  KIND_PARAM,
  KIND_TITLE,
  isImportKind,
  templateHeaders,
  type ImportKind,
} from '@ledger/ledger/imports/import-kinds';
import { Importer, type ImportProgress, type ImportReport } from '@ledger/ledger/imports/importer';
import { Authenticator } from '@ledger/ledger/auth/authenticator';
import { ADMIN_USER_ID } from '@ledger/ledger/auth/user.events';
import { EXIT } from '../exit-codes';
import { textTable } from './text-table';

interface ImportOptions {
  entity?: string;
  declaration?: string;
  distribution?: string;
  dryRun?: boolean;
  sheet?: string;
  lang?: 'zh' | 'en';
  json?: boolean;
  token?: string;
}

/** Writes to stdout and waits until it is flushed: the CLI exits right after the command, and a pipe is asynchronous. */
function print(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

/** Errors shown in the table; `--json` and errors.csv have them all. */
const TABLE_ERRORS = 50;

function usage(message: string): void {
  process.stderr.write(`ledger-cli import: ${message}\nRun "ledger-cli import --help" for usage.\n`);
  process.exitCode = EXIT.USAGE;
}

/** Progress on a terminal: bytes read while validating, rows written while committing, rows/s, ETA. */
function progressBar(): { update(p: ImportProgress): void; stop(): void } {
  const started = Date.now();
  const rate = (rows: number) => Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
  if (!process.stderr.isTTY) {
    // Scripts and log files get a line every few seconds, none for a roster read in a moment.
    let last = started;
    return {
      update(p) {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        const done =
          p.phase === 'writing' ? `${p.written}/${p.totalRows ?? '?'} rows written` : `${p.rows} rows checked`;
        process.stderr.write(`${p.phase}: ${done}, ${rate(p.phase === 'writing' ? p.written : p.rows)} rows/s\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    {
      format: '{phase} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let phase: string | undefined;
  let phaseStarted = started;
  return {
    update(p) {
      if (p.phase !== phase) {
        if (phase !== undefined) bar.stop();
        phase = p.phase;
        phaseStarted = Date.now();
        const total = p.phase === 'writing' ? (p.totalRows ?? 1) : Math.max(1, p.size);
        bar.start(total, 0, { phase: p.phase.padEnd(10), rows: 0, speed: 0 });
      }
      const rows = p.phase === 'writing' ? p.written : p.rows;
      const seconds = Math.max(0.001, (Date.now() - phaseStarted) / 1000);
      bar.update(p.phase === 'writing' ? p.written : p.bytesRead, { rows, speed: Math.round(rows / seconds) });
    },
    stop: () => {
      if (phase !== undefined) bar.stop();
    },
  };
}

function statusLine(report: ImportReport, english: boolean): string {
  const what = `${report.rows} ${english ? 'rows' : '行'}`;
  switch (report.status) {
    case 'committed':
      return english
        ? `COMMITTED: ${what} imported (${report.written} written or already on record), ledger position ${report.position}. Import ${report.id}.`
        : `已导入：共 ${what}，全部记账（账本位置 ${report.position}）。导入编号 ${report.id}。`;
    case 'validated':
      return report.rejected === 0 && report.errorCount === 0
        ? english
          ? `VALID: ${what} checked, all would be accepted; nothing was written (dry run). Import ${report.id}.`
          : `校验通过：共 ${what}，全部可以导入；试运行，未写入任何记录。导入编号 ${report.id}。`
        : english
          ? `INVALID: ${what} checked, ${report.rejected} with errors; nothing was written (dry run). Import ${report.id}.`
          : `校验未通过：共 ${what}，其中 ${report.rejected} 行有错误；试运行，未写入任何记录。导入编号 ${report.id}。`;
    case 'rejected':
      return english
        ? `REJECTED: ${report.rejected} of ${what} have errors; nothing was written. Fix them and import again. Import ${report.id}.`
        : `未导入：${what}中有 ${report.rejected} 行有错误，未写入任何记录。请更正后重新导入。导入编号 ${report.id}。`;
    case 'duplicate':
      return english
        ? `DUPLICATE: this file was already imported (import ${report.duplicateOf}); nothing was written.`
        : `重复导入：此文件已导入过（导入编号 ${report.duplicateOf}），未写入任何记录。`;
    case 'failed':
      return english
        ? `FAILED after ${report.written} rows: ${report.failure ?? 'see errors'}. Run the same command again to resume; rows already written are not written twice.`
        : `导入中断（已写入 ${report.written} 行）：${report.failure ?? '见错误列表'}。重新运行同一命令即可续传，已写入的行不会重复记账。`;
    case 'processing':
      return english ? `PROCESSING: import ${report.id}.` : `处理中：导入编号 ${report.id}。`;
  }
}

function exitCodeOf(report: ImportReport): number {
  if (report.status === 'committed' || report.status === 'duplicate') return EXIT.OK;
  if (report.status === 'validated' && report.errorCount === 0) return EXIT.OK;
  return EXIT.REJECTED;
}

@SubCommand({
  name: 'template',
  arguments: '<kind>',
  description: 'Print the header row of a roster template (打印名册模板表头)',
})
export class ImportTemplateCommand extends CommandRunner {
  run([kind]: string[], options: { lang?: 'zh' | 'en'; bom?: boolean }): Promise<void> {
    if (!isImportKind(kind)) {
      usage(`unknown kind "${kind}"; kinds: ${IMPORT_KINDS.join(', ')}`);
      return Promise.resolve();
    }
    return print(`${options.bom ? '\uFEFF' : ''}${templateHeaders(kind, options.lang ?? 'zh').join(',')}\n`);
  }

  @Option({ flags: '--lang <lang>', description: 'zh (Chinese headers, default) or en (English words)' })
  parseLang(value: string): 'zh' | 'en' {
    if (value !== 'zh' && value !== 'en') throw new Error('--lang must be zh or en');
    return value;
  }

  @Option({ flags: '--bom', description: 'start with a UTF-8 byte-order mark, so Excel opens the file in UTF-8' })
  parseBom(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return [
      '',
      'Examples:',
      '  $ ledger-cli import template wages',
      '  户编号,姓名,月份,金额,发放日期,出勤天数,凭证号,补发',
      '  $ ledger-cli import template rents --bom > 租金表.csv   # then fill it in with Excel',
    ].join('\n');
  }
}

@Command({
  name: 'import',
  arguments: '<kind> [file]',
  description:
    'Import a roster: wages (工资表), dividends (分红表), rents (租金表), households (贫困户名册), employments (务工人员名册), purchases (收购单), entities (经营主体名册), stakes (入股名册), leases (土地流转名册), loans (扶贫小额信贷放款清单), loan-repayments (还款清单), distributions (村集体二次分配发放表)',
  subCommands: [ImportTemplateCommand],
})
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly importer: Importer,
    private readonly authenticator: Authenticator,
  ) {
    super();
  }

  async run([kind, file]: string[], options: ImportOptions): Promise<void> {
    if (!isImportKind(kind)) return usage(`unknown kind "${kind}"; kinds: ${IMPORT_KINDS.join(', ')}`);
    if (file === undefined) return usage('name the roster file (.csv or .xlsx) to import');
    const path = resolve(file);
    if (!existsSync(path) || !statSync(path).isFile()) return usage(`no such file: ${file}`);
    const wanted = KIND_PARAM[kind];
    if (wanted === 'entityId' && !options.entity) return usage(`${kind} needs --entity <entityId> (the paying entity)`);
    if (wanted === 'declarationId' && !options.declaration)
      return usage(`${kind} needs --declaration <declarationId> (the dividend declaration)`);
    if (wanted === 'distributionId' && !options.distribution)
      return usage(`${kind} needs --distribution <distributionId> (the collective's distribution)`);
    if (wanted !== 'entityId' && options.entity) return usage(`--entity is not an option of ${kind}`);
    if (wanted !== 'declarationId' && options.declaration) return usage(`--declaration is not an option of ${kind}`);
    if (wanted !== 'distributionId' && options.distribution) return usage(`--distribution is not an option of ${kind}`);
    const actor = await this.actor(options.token ?? process.env.LEDGER_TOKEN);
    if (!actor) return usage('the token (--token or LEDGER_TOKEN) is not valid');
    const english = options.lang === 'en';

    // What an import keeps does not grow with the file, but what it throws away does (every row is
    // parsed, planned and decided twice): by default V8 lets the heap grow to about four times what
    // is live before collecting it. This process does nothing else, so it collects sooner instead
    // (at 1.5 times): a 100,000-row roster then peaks near a 10,000-row one, for ~10 % more CPU.
    setFlagsFromString('--heap-growing-percent=50');

    const bar = options.json ? undefined : progressBar();
    let report: ImportReport;
    try {
      const job = await this.importer.start({
        kind,
        params: {
          ...(options.entity ? { entityId: options.entity } : {}),
          ...(options.declaration ? { declarationId: options.declaration } : {}),
          ...(options.distribution ? { distributionId: options.distribution } : {}),
        },
        dryRun: options.dryRun ?? false,
        filePath: path,
        fileName: basename(path),
        ...(options.sheet ? { sheet: options.sheet } : {}),
        actor,
        onProgress: (p) => bar?.update(p),
      });
      await job.done;
      report = await this.importer.report(job.id, english ? 'en' : 'zh', { wrote: options.json });
      if (options.json) report.errors = await this.importer.records.errors(job.id, english ? 'en' : 'zh');
    } catch (error) {
      bar?.stop();
      if (error instanceof BadInputException)
        return usage(error.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      if (error instanceof DomainError) {
        process.stderr.write(`ledger-cli import: ${english ? error.message : error.messageZh}\n`);
        process.exitCode = error.kind === 'rule' || error.kind === 'not_found' ? EXIT.USAGE : EXIT.REJECTED;
        return;
      }
      throw error;
    }
    bar?.stop();
    if (options.json) {
      await print(`${JSON.stringify(report)}\n`);
    } else {
      let text = `${statusLine(report, english)}\n`;
      if (report.errors.length > 0) {
        const shown = report.errors.slice(0, TABLE_ERRORS);
        const headers = english ? ['row', 'column', 'value', 'message'] : ['行', '列', '值', '说明'];
        const rows = shown.map((e) => [String(e.row), e.column, e.value, e.message]);
        text += `\n${textTable(headers, rows, [6, 12, 20, 200])}\n`;
        if (report.errorCount > shown.length) {
          text += english
            ? `… and ${report.errorCount - shown.length} more; --json lists them all.\n`
            : `……另有 ${report.errorCount - shown.length} 条错误；加 --json 可列出全部。\n`;
        }
      }
      await print(text);
    }
    process.exitCode = exitCodeOf(report);
  }

  private async actor(token: string | undefined): Promise<Actor | undefined> {
    if (token === undefined || token === '') return { userId: ADMIN_USER_ID, role: 'admin', townships: [] };
    return this.authenticator.authenticate(token);
  }

  @Option({
    flags: '--entity <entityId>',
    description: 'the entity (wages, rents, employments, purchases, stakes, leases)',
  })
  parseEntity(value: string): string {
    return value;
  }

  @Option({ flags: '--declaration <declarationId>', description: 'the dividend declaration paid (dividends)' })
  parseDeclaration(value: string): string {
    return value;
  }

  @Option({
    flags: '--distribution <distributionId>',
    description: "the village collective's distribution paid (distributions, 二次分配)",
  })
  parseDistribution(value: string): string {
    return value;
  }

  @Option({ flags: '--dry-run', description: 'check every row and write nothing (试运行)' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--sheet <name>', description: 'xlsx: the sheet to read (default: the first)' })
  parseSheet(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'language of messages: zh (default) or en' })
  parseLang(value: string): 'zh' | 'en' {
    if (value !== 'zh' && value !== 'en') throw new Error('--lang must be zh or en');
    return value;
  }

  @Option({ flags: '--json', description: 'print the whole report as JSON for scripts' })
  parseJson(): boolean {
    return true;
  }

  @Option({
    flags: '--token <token>',
    description: 'act as this user (a clerk is limited to their townships); default LEDGER_TOKEN, else the admin',
  })
  parseToken(value: string): string {
    return value;
  }

  @Help('after')
  examples(): string {
    // The longest kind (loan-repayments) and a space, so a kind never runs into its title.
    const width = Math.max(...IMPORT_KINDS.map((k) => k.length)) + 1;
    const kinds = IMPORT_KINDS.map((k: ImportKind) => {
      const param = KIND_PARAM[k];
      const flag =
        param === 'entityId'
          ? ' --entity ID'
          : param === 'declarationId'
            ? ' --declaration ID'
            : param === 'distributionId'
              ? ' --distribution ID'
              : '';
      const columns = KIND_COLUMNS[k].map((c) => `${c.zh}${c.required ? '' : '?'}`).join(' ');
      return `  ${k.padEnd(width)}${KIND_TITLE[k].zh}${flag}\n  ${' '.repeat(width)}${columns}`;
    });
    return [
      '',
      'Kinds and columns (header row 1, Chinese or English words; ? = optional):',
      ...kinds,
      '',
      'Files: .csv in UTF-8 (with or without BOM) or GBK/GB18030, detected; .xlsx (first sheet, or --sheet).',
      'Amounts are yuan with at most two decimals. Rows are numbered as in the spreadsheet.',
      '',
      'A commit writes every row or, if any row is wrong, none. Importing the same file again writes',
      'nothing (duplicate); after a crash or Ctrl+C, run the same command again: it resumes, and no row',
      'is ever written twice.',
      '',
      'Examples:',
      '  $ ledger-cli import wages 7月工资.csv --entity entity-… --dry-run   # check, write nothing',
      '  $ ledger-cli import wages 7月工资.csv --entity entity-…             # import',
      '  $ ledger-cli import dividends 分红表.xlsx --declaration dividend-… --sheet 上半年',
      '  $ ledger-cli import distributions 二次分配发放表.csv --distribution distribution-…   # 户编号 金额 发放日期 凭证号',
      '  $ ledger-cli import rents 租金表.csv --entity entity-… --json --lang en',
      '  $ ledger-cli import leases 土地流转.csv --entity entity-…   # 户编号 面积 每亩年租金 起租日期 到期日期 付租方式',
      '  $ ledger-cli import loans 放款清单.csv   # 户编号 借款合同号 贷款银行 贷款金额 年利率 放款日期 到期日期 用途 入股主体',
      '  $ ledger-cli import loan-repayments 还款清单.csv   # 户编号 借款合同号 还款本金 还款利息 还款日期 还款方 凭证号',
      '  $ ledger-cli import template wages --bom > 工资表.csv',
      '',
      'Exit codes: 0 imported (or valid, or already imported), 1 rows rejected or import failed, 2 usage.',
    ].join('\n');
  }
}
