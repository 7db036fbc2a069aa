import type { ColumnSpec, HeaderMap } from '../imports/import-kinds';
import { mapColumns } from '../imports/import-kinds';
import {
  cellAsWritten,
  isBlank,
  parseAmountCell,
  parseDateCell,
  parseTextCell,
  parseWordCell,
  type Parsed,
} from '../imports/roster/cells';
import { openRoster } from '../imports/roster/roster-reader';
import { rosterRecords, type RosterRecord } from '../imports/roster/roster-table';
import { RosterFileError } from '../imports/roster/text-decoding';
import type { BankRow } from './reconcile';

/** The largest bank file accepted (a township's month is a few hundred rows); larger answers 413. */
export const MAX_BANK_FILE_BYTES = 2 * 1024 * 1024;
/** Rows beyond this are refused: the reconciliation keeps every row's outcome in one event. */
export const MAX_BANK_ROWS = 5000;
/** Cell errors reported at most (a wrong file would otherwise list every cell). */
const MAX_ERRORS = 100;

/** The bank file's columns, as the roster importer reads a roster's (header words, aliases, English keys). */
export const BANK_FILE_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'reference',
    zh: '凭证号',
    required: true,
    aliases: ['凭证编号', '凭证', '业务编号'],
    hint: '凭证号 (voucher)',
  },
  {
    key: 'amount',
    zh: '金额',
    required: true,
    aliases: ['交易金额', '发放金额', '金额元'],
    hint: 'yuan, ≤ 2 decimals',
  },
  { key: 'date', zh: '日期', required: true, aliases: ['交易日期', '入账日期', '发放日期'], hint: 'YYYY-MM-DD' },
  { key: 'status', zh: '状态', required: true, aliases: ['交易状态', '处理结果', '结果'], hint: '成功 or 退回' },
  {
    key: 'registrationNo',
    zh: '户编号',
    required: false,
    aliases: ['建档立卡编号', '户号', '农户编号'],
    hint: '建档立卡编号 (optional)',
  },
];

const TITLE = { zh: '银行对账文件', en: 'bank file' };
const STATUS_WORDS: Record<string, BankRow['status']> = {
  成功: '成功',
  success: '成功',
  退回: '退回',
  returned: '退回',
};

/** A bad cell or header, as the importer names them: the row as a spreadsheet numbers it, the column as written. */
export interface BankFileError {
  row: number;
  column: string;
  value: string;
  en: string;
  zh: string;
}

export type BankFile = { ok: true; rows: BankRow[] } | { ok: false; errors: BankFileError[] };

const mapBankHeader = (cells: readonly string[]): HeaderMap => mapColumns(BANK_FILE_COLUMNS, TITLE, cells);

/**
 * Reads a bank file (CSV in UTF-8 or GBK, told apart as the importer does; an .xlsx too) into its
 * rows, or every bad cell: amounts are yuan with at most two decimals (to fen by string
 * arithmetic), dates `YYYY-MM-DD` (and the other ways clerks write them), status 成功 or 退回.
 */
export async function readBankFile(path: string, fileName: string): Promise<BankFile> {
  const errors: BankFileError[] = [];
  const rows: BankRow[] = [];
  let header: HeaderMap | undefined;
  try {
    const roster = await openRoster(path, { fileName });
    const records = rosterRecords(roster.lines(), mapBankHeader, (h) => {
      header = h.map;
      for (const p of h.map.problems) errors.push({ row: h.row, column: p.column, value: '', en: p.en, zh: p.zh });
    });
    for await (const record of records) {
      if (rows.length + 1 > MAX_BANK_ROWS) {
        errors.push({
          row: record.row,
          column: '',
          value: '',
          en: `a bank file holds at most ${MAX_BANK_ROWS} rows; split it by date`,
          zh: `银行对账文件最多 ${MAX_BANK_ROWS} 行，请按日期拆分`,
        });
        break;
      }
      const row = bankRow(record, header!, errors);
      if (row) rows.push(row);
      if (errors.length >= MAX_ERRORS) break;
    }
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw error;
    return { ok: false, errors: [{ row: 0, column: '', value: '', en: error.message, zh: error.zh }] };
  }
  if (!header && errors.length === 0) {
    errors.push({ row: 1, column: '', value: '', en: 'the file has no header row', zh: '文件没有表头' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function bankRow(record: RosterRecord, header: HeaderMap, errors: BankFileError[]): BankRow | undefined {
  let bad = false;
  const take = <T>(key: string, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    bad = true;
    errors.push({
      row: record.row,
      column: header.written.get(key) ?? key,
      value: cellAsWritten(record.get(key)),
      en: parsed.en,
      zh: parsed.zh,
    });
    return undefined;
  };
  const optional = (key: string, max: number) =>
    isBlank(record.get(key)) ? null : (take(key, parseTextCell(record.get(key), max)) ?? null);
  const reference = optional('reference', 100);
  const registrationNo = optional('registrationNo', 50);
  const amountFen = take('amount', parseAmountCell(record.get('amount')));
  const date = take('date', parseDateCell(record.get('date')));
  const status = take(
    'status',
    parseWordCell(record.get('status'), STATUS_WORDS, {
      en: '成功 (success) or 退回 (returned)',
      zh: '“成功”或“退回”',
    }),
  );
  if (bad || amountFen === undefined || date === undefined || status === undefined) return undefined;
  return { row: record.row, reference, amountFen, date, status, registrationNo };
}
