import type { Pool } from 'pg';
import { filterConditions, type FilterColumns } from '../common/list-filter';
import { sortedPage, type SortSpec } from '../common/list-sort';
import type { ReconciliationSort } from './list-reconciliations/list-reconciliations.dto';

/** The sorts of the reconciliations, ties by id. */
const RECONCILIATION_ORDER: SortSpec<ReconciliationSort> = {
  keys: {
    recorded: { sql: 'position', type: 'bigint' },
    township: { sql: 'township', type: 'text' },
    rows: { sql: 'rows', type: 'bigint' },
    unmatched: { sql: '(unmatched_bank_rows + unmatched_payments)', type: 'bigint' },
  },
  id: 'reconciliation_id',
  default: '-recorded',
};
import type { BankFileReconciled } from './reconciliation.events';
import { reconciliationView } from './reconciliation-view';
import type {
  ReconciledHousehold,
  ReconciliationList,
  ReconciliationSummary,
  ReconciliationView,
} from './reconciliation.view';

interface ReconciliationRow {
  reconciliation_id: string;
  township: string;
  file_name: string;
  sha256: string;
  rows: number;
  matched: number;
  returned: number;
  returns_recorded: number;
  amount_mismatches: number;
  unmatched_bank_rows: number;
  unmatched_payments: number;
  first_date: string | null;
  last_date: string | null;
  applied_returns: boolean;
  recorded_at: Date;
  recorded_by: string | null;
  position: string;
}

const SUMMARY_COLUMNS = `reconciliation_id, township, file_name, sha256, rows, matched, returned, returns_recorded,
  amount_mismatches, unmatched_bank_rows, unmatched_payments, to_char(first_date, 'YYYY-MM-DD') as first_date,
  to_char(last_date, 'YYYY-MM-DD') as last_date, applied_returns, recorded_at, recorded_by, position`;

function summaryOf(r: ReconciliationRow): ReconciliationSummary {
  return {
    id: r.reconciliation_id,
    position: Number(r.position),
    township: r.township,
    fileName: r.file_name,
    sha256: r.sha256,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by,
    firstDate: r.first_date,
    lastDate: r.last_date,
    appliedReturns: r.applied_returns,
    rows: r.rows,
    matched: r.matched,
    returned: r.returned,
    returnsRecorded: r.returns_recorded,
    amountMismatches: r.amount_mismatches,
    unmatchedBankRows: r.unmatched_bank_rows,
    unmatchedPayments: r.unmatched_payments,
  };
}

/** One reconciliation as kept, with names and payment states as they are now; undefined if unknown. */
export async function readReconciliation(pool: Pool, id: string): Promise<ReconciliationView | undefined> {
  const { rows } = await pool.query<ReconciliationRow & { lists: BankFileReconciled['data'] }>(
    `select ${SUMMARY_COLUMNS}, lists from reconciliations where reconciliation_id = $1`,
    [id],
  );
  const found = rows[0];
  if (!found) return undefined;
  const data = found.lists;
  const householdIds = [...data.matched, ...data.returned, ...data.amountMismatches, ...data.unmatchedPayments].map(
    (i) => i.householdId,
  );
  const numbers = data.unmatchedBankRows.flatMap((r) => (r.registrationNo === null ? [] : [r.registrationNo]));
  const paymentIds = data.returned.map((r) => r.paymentId);
  const [households, payments] = await Promise.all([
    pool.query<{ household_id: string; registration_no: string; head_name: string }>(
      `select household_id, registration_no, head_name from reconciliation_households
        where household_id = any($1::text[]) or registration_no = any($2::text[])`,
      [householdIds, numbers],
    ),
    pool.query<{
      payment_id: string;
      returned: boolean;
      reversed: boolean;
      reissued_as: string | null;
      returned_by: string | null;
    }>(
      `select payment_id, returned, reversed, reissued_as, returned_by from reconciliation_payments
        where payment_id = any($1::text[])`,
      [paymentIds],
    ),
  ]);
  const named = (h: { household_id: string; registration_no: string; head_name: string }): ReconciledHousehold => ({
    id: h.household_id,
    registrationNo: h.registration_no,
    headName: h.head_name,
  });
  const byId = new Map(households.rows.map((h) => [h.household_id, named(h)]));
  const byNo = new Map(households.rows.map((h) => [h.registration_no, named(h)]));
  const states = new Map(payments.rows.map((p) => [p.payment_id, p]));
  const summary = summaryOf(found);
  return reconciliationView(
    data,
    { position: summary.position, recordedAt: summary.recordedAt, recordedBy: summary.recordedBy },
    {
      household: (householdId) => byId.get(householdId) ?? null,
      byRegistrationNo: (no) => byNo.get(no) ?? null,
      status: (paymentId) => {
        const state = states.get(paymentId);
        if (state?.reversed) return { status: 'reversed' };
        const returnedBy = state?.returned_by ?? undefined;
        if (state?.reissued_as) return { status: 'reissued', reissuedAs: state.reissued_as, returnedBy };
        return state?.returned ? { status: 'returned', returnedBy } : { status: 'paid' };
      },
    },
  );
}

/** The township of a reconciliation, for checking who may read it; undefined if unknown. */
export async function townshipOf(pool: Pool, id: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ township: string }>(
    'select township from reconciliations where reconciliation_id = $1',
    [id],
  );
  return rows[0]?.township;
}

/**
 * Where each filter applies. A bank file is a township's (no village); its year is the year of the
 * statement's first date, or, for a file without dated rows, of the day it was recorded (China time).
 */
const FILTERS: FilterColumns = {
  township: 'township',
  year: `coalesce(first_date, (recorded_at at time zone 'Asia/Shanghai')::date)`,
};

/**
 * Reconciliations newest first, a page at a time, with totals over all of them: of one township, or
 * of `townships` (a clerk's), or of all.
 */
export async function listReconciliations(
  pool: Pool,
  filter: {
    township?: string;
    year?: number;
    townships?: readonly string[];
    limit: number;
    cursor?: string;
    sort?: string;
  },
): Promise<ReconciliationList> {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [];
  where.push(...filterConditions({ township: filter.township, year: filter.year }, FILTERS, param));
  if (filter.townships !== undefined) where.push(`township = any(${param(filter.townships)}::text[])`);
  const scope = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const totals = await pool.query<Record<string, string>>(
    `select count(*) as reconciliations, coalesce(sum(rows), 0) as rows, coalesce(sum(matched), 0) as matched,
            coalesce(sum(returned), 0) as returned, coalesce(sum(returns_recorded), 0) as returns_recorded,
            coalesce(sum(amount_mismatches), 0) as amount_mismatches,
            coalesce(sum(unmatched_bank_rows), 0) as unmatched_bank_rows,
            coalesce(sum(unmatched_payments), 0) as unmatched_payments
       from reconciliations ${scope}`,
    values,
  );
  // Newest first by log position (unique, in the order they were recorded) unless another sort is asked.
  const sort = sortedPage(RECONCILIATION_ORDER, filter.sort, filter.cursor, param);
  const page = [...where];
  if (sort.after) page.push(sort.after);
  const { rows } = await pool.query<ReconciliationRow & { sort_key: string }>(
    `select ${SUMMARY_COLUMNS}, ${sort.key}::text as sort_key
       from reconciliations ${page.length > 0 ? `where ${page.join(' and ')}` : ''}
      order by ${sort.orderBy} limit ${param(filter.limit + 1)}`,
    values,
  );
  const items = rows.slice(0, filter.limit).map(summaryOf);
  const t = totals.rows[0];
  const last = rows.length > filter.limit ? rows[filter.limit - 1] : undefined;
  return {
    township: filter.township ?? null,
    items,
    totals: {
      reconciliations: Number(t.reconciliations),
      rows: Number(t.rows),
      matched: Number(t.matched),
      returned: Number(t.returned),
      returnsRecorded: Number(t.returns_recorded),
      amountMismatches: Number(t.amount_mismatches),
      unmatchedBankRows: Number(t.unmatched_bank_rows),
      unmatchedPayments: Number(t.unmatched_payments),
    },
    ...(last ? { nextCursor: sort.cursorAfter(last.sort_key, last.reconciliation_id) } : {}),
  };
}
