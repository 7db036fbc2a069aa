import type { Pool } from 'pg';
import { assertMayReadIn, type Actor } from '../common/actor';
import { notFound } from '../common/domain-error';
import type { StreamWriter } from '../common/stream-writer';
import { household as householdEvolver } from '../households/household.state';
import type { HouseholdSummary } from '../households/get-household/household.view';
import type { HouseholdStatus } from '../households/household.events';
import type { CsvColumn } from '../http/csv';
import type { ProjectionsHost } from '../projections/projections-host';
import { acknowledgementAsOf } from '../acknowledgements/acknowledgement-views';
import { acknowledgements, acknowledgementStreamOf } from '../acknowledgements/acknowledgement.state';
import { collectiveLedgerProjection } from '../collectives/collective.projection';
import { withCurrentIncome } from '../collectives/income/current-income-on-lines';
import { readContact, countyContactsProjection } from '../counties/county-contact.projection';
import { canonicalInstant } from '../obligations/get-obligations/instant';
import { readObligations } from '../obligations/get-obligations/read-obligations';
import { obligationsProjection } from '../obligations/obligations.projection';
import { dateInChina } from '../primitives/calendar';
import { plainYuan } from '../primitives/money';
import { holdingsProjection } from './holdings/holdings.projection';
import { readHoldings } from './holdings/read-holdings';
import { explainLine, type ExplainableLine } from './statement-explanation';
import { statementProjection } from './statement.projection';
import { sums } from './statement-sums';
import {
  type LoanHolding,
  type OwedItem,
  type Statement,
  type StatementForm,
  type StatementKind,
  type StatementLang,
  type StatementLine,
} from './statement.view';

/** The read models a statement draws on, all caught up to `minPosition` before it is read. */
export const STATEMENT_MODELS = [
  statementProjection.name,
  holdingsProjection.name,
  obligationsProjection.name,
  countyContactsProjection.name,
  // The income behind a collective's distribution lines, as it stands now.
  collectiveLedgerProjection.name,
];

export interface StatementRequest {
  householdId: string;
  from?: string;
  to?: string;
  /** ISO 8601 instant with offset. */
  asOf?: string;
  lang?: StatementLang;
  minPosition?: number;
}

/** What loading a statement reads: the read model's database, its runner (for minPosition), the streams. */
export interface StatementSources {
  pool: Pool;
  projections: Pick<ProjectionsHost, 'waitFor'>;
  streams: Pick<StreamWriter, 'read'>;
}

interface LineRow {
  payment_id: string;
  paid_on: string;
  amount_fen: string;
  form: StatementForm;
  kind: StatementKind;
  entity_id: string;
  entity_name: string;
  linkage_id: string;
  period: string;
  delivered_on: string | null;
  basis: Record<string, unknown>;
  recorded_at: Date;
  recorded_by: string | null;
  reference: string | null;
  reversal_id: string | null;
  reversal_reason: string | null;
  reversal_recorded_at: Date | null;
  /** Reversed as of the statement's instant. */
  reversed: boolean;
  returned_on: string | null;
  return_reason: string | null;
  return_detail: string | null;
  return_recorded_at: Date | null;
  reissued_as: string | null;
  reissue_of: string | null;
  /** Returned by the bank as of the statement's instant. */
  returned: boolean;
}

interface HouseholdRow {
  household_id: string;
  registration_no: string;
  head_name: string;
  members: number;
  village: string;
  township: string;
  county: string;
  status: HouseholdStatus;
}

/** A row of the statement query: the household (all null when not projected yet), the checkpoint, a line (all null when none). */
type StatementRow = NullableColumns<HouseholdRow> & NullableColumns<LineRow> & { checkpoint: string | null };
type NullableColumns<Row> = { [Column in keyof Row]: Row[Column] | null };

/**
 * Loads a household's statement, after the caller is authorised: admins and auditors any household,
 * clerks those of their townships, a household user only its own. Unknown household: 404.
 */
export async function loadStatement(
  sources: StatementSources,
  request: StatementRequest,
  actor: Actor,
): Promise<Statement> {
  await sources.projections.waitFor(request.minPosition, STATEMENT_MODELS);
  const lang = request.lang ?? 'zh';
  // One statement, so one snapshot: the household, its lines and the checkpoint they were drawn at
  // agree without a transaction, and a statement costs one round trip (its latency under load is
  // mostly waiting for turns, once per round trip). At least one row comes back: the household's
  // columns (null when not projected yet) with each line's, or with null line columns when it has none.
  const { rows } = await sources.pool.query<StatementRow>({
    name: 'ledger_load_statement',
    text: `select h.household_id, h.registration_no, h.head_name, h.members, h.village, h.township, h.county,
                  h.status, (select c.position from projection_checkpoints c where c.name = $5) as checkpoint,
                  l.*
             from (select $1::text as id) asked
             left join statement_households h on h.household_id = asked.id
             left join lateral (
               select payment_id, to_char(paid_on, 'YYYY-MM-DD') as paid_on, amount_fen, form, kind, entity_id,
                      entity_name, linkage_id, period, to_char(delivered_on, 'YYYY-MM-DD') as delivered_on, basis,
                      recorded_at, recorded_by, reference, reversal_id, reversal_reason, reversal_recorded_at,
                      (reversal_id is not null
                        and ($4::timestamptz is null or reversal_recorded_at <= $4::timestamptz)) as reversed,
                      to_char(returned_on, 'YYYY-MM-DD') as returned_on, return_reason, return_detail,
                      return_recorded_at, reissued_as, reissue_of,
                      (return_recorded_at is not null
                        and ($4::timestamptz is null or return_recorded_at <= $4::timestamptz)) as returned,
                      paid_on as paid_on_date, position as line_position
                 from statement_lines
                where household_id = asked.id
                  and ($2::date is null or paid_on >= $2::date)
                  and ($3::date is null or paid_on <= $3::date)
                  and ($4::timestamptz is null or recorded_at <= $4::timestamptz)
             ) l on true
            order by l.paid_on_date, l.line_position`,
    values: [
      request.householdId,
      request.from ?? null,
      request.to ?? null,
      request.asOf ?? null,
      statementProjection.name,
    ],
  });
  const first = rows[0];
  const householdRow = first.household_id === null ? undefined : (first as HouseholdRow);
  const position = Number(first.checkpoint ?? 0);
  const lineRows = first.payment_id === null ? [] : (rows as LineRow[]);

  const household = householdRow ? toHousehold(householdRow) : await fromStream(sources, request.householdId);
  assertMayReadIn(actor, household.township, household.id);

  // A collective's income is shown as it stands now (not as of `asOf`: its reversals carry no instant there).
  const lines = (request.asOf === undefined ? await withCurrentIncome(sources.pool, lineRows) : lineRows).map((row) =>
    toLine(row, lang),
  );
  const { byForm, totalFen, byYear } = sums(lines);
  // What the household holds and is owed, as of the statement's instant (the date of it in China).
  const asOf = request.asOf ?? null;
  const instant = canonicalInstant(asOf ?? new Date().toISOString());
  const today = dateInChina(instant);
  const [linkages, loans, owed, contact, acknowledged] = await Promise.all([
    readHoldings(sources.pool, household.id, asOf === null ? null : instant, today),
    loadLoanHoldings(sources.pool, household.id, asOf === null ? undefined : instant),
    readOwed(sources.pool, household.id, instant, today),
    readContact(sources.pool, household.county),
    // The household's acknowledgements are a stream of their own (no read model).
    sources.streams.read(acknowledgementStreamOf(household.id), acknowledgements),
  ]);
  const acknowledgement = acknowledgementAsOf(acknowledged.events, asOf === null ? null : instant);
  return {
    household,
    from: request.from ?? null,
    to: request.to ?? null,
    asOf,
    position,
    totalFen,
    byForm,
    byYear,
    lines,
    holdings: { ...linkages, loans },
    owed,
    contact,
    ...(acknowledgement === undefined ? {} : { acknowledgement }),
  };
}

/**
 * What the household is still owed: its obligation items (the obligations read model, as for an
 * entity's arrears list) due by `dueBy` with something outstanding, each naming who owes it.
 */
async function readOwed(
  pool: Pool,
  householdId: string,
  asOf: string,
  dueBy: string,
): Promise<{ items: OwedItem[]; outstandingFen: number }> {
  const { items } = await readObligations(pool, { householdId }, asOf, dueBy);
  const open = items.filter((i) => i.outstandingFen > 0);
  const names = await entityNames(
    pool,
    open.map((i) => i.entityId),
  );
  return {
    items: open.map((i) => ({
      linkageId: i.linkageId,
      kind: i.kind,
      // A household's own items: never a collective's.
      householdId,
      entity: { id: i.entityId, name: names.get(i.entityId) ?? i.entityId },
      period: i.period,
      dueOn: i.dueOn,
      dueFen: i.dueFen,
      paidFen: i.paidFen,
      outstandingFen: i.outstandingFen,
    })),
    outstandingFen: open.reduce((sum, i) => sum + i.outstandingFen, 0),
  };
}

async function entityNames(pool: Pool, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<{ entity_id: string; name: string }>(
    'select entity_id, name from holding_entities where entity_id = any($1)',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.entity_id, r.name]));
}

interface LoanHoldingRow {
  loan_id: string;
  lender: string;
  contract_no: string | null;
  principal_fen: string;
  outstanding_fen: string;
  use: LoanHolding['use'];
  entity_id: string | null;
  entity_name: string | null;
  disbursed_on: string;
  matures_on: string;
}

/**
 * The household's loans as recorded at `asOf` (all of them without it), with the principal still
 * owed then: repayments recorded by then, less those reversed by then.
 */
async function loadLoanHoldings(pool: Pool, householdId: string, asOf: string | undefined): Promise<LoanHolding[]> {
  const { rows } = await pool.query<LoanHoldingRow>({
    name: 'ledger_load_statement_loans',
    text: `select l.loan_id, l.lender, l.contract_no, l.principal_fen, l.use, l.entity_id, l.entity_name,
                  to_char(l.disbursed_on, 'YYYY-MM-DD') as disbursed_on, to_char(l.matures_on, 'YYYY-MM-DD') as matures_on,
                  l.principal_fen - coalesce((
                    select sum(p.principal_fen) from statement_loan_repayments p
                     where p.loan_id = l.loan_id
                       and ($2::timestamptz is null or p.recorded_at <= $2::timestamptz)
                       and (p.reversal_recorded_at is null
                            or ($2::timestamptz is not null and p.reversal_recorded_at > $2::timestamptz))), 0) as outstanding_fen
             from statement_loans l
            where l.household_id = $1 and ($2::timestamptz is null or l.recorded_at <= $2::timestamptz)
            order by l.disbursed_on, l.recorded_at, l.loan_id`,
    values: [householdId, asOf ?? null],
  });
  return rows.map((r) => ({
    loanId: r.loan_id,
    lender: r.lender,
    ...(r.contract_no === null ? {} : { contractNo: r.contract_no }),
    principalFen: Number(r.principal_fen),
    outstandingPrincipalFen: Number(r.outstanding_fen),
    use: r.use,
    ...(r.entity_id === null ? {} : { entity: { id: r.entity_id, name: r.entity_name ?? '' } }),
    disbursedOn: r.disbursed_on,
    maturesOn: r.matures_on,
  }));
}

function toHousehold(row: HouseholdRow): HouseholdSummary {
  return {
    id: row.household_id,
    registrationNo: row.registration_no,
    headName: row.head_name,
    members: row.members,
    village: row.village,
    township: row.township,
    county: row.county,
    status: row.status,
  };
}

/** A household registered but not yet projected (no `minPosition` given): read from its stream. */
async function fromStream(sources: StatementSources, householdId: string): Promise<HouseholdSummary> {
  const { state } = await sources.streams.read(householdId, householdEvolver);
  if (state.status !== 'registered') {
    throw notFound('HOUSEHOLD.NOT_FOUND', `No household ${householdId}.`, `没有编号为 ${householdId} 的农户。`);
  }
  return {
    id: state.householdId,
    registrationNo: state.registrationNo,
    headName: state.headName,
    members: state.members,
    village: state.village,
    township: state.township,
    county: state.county,
    status: state.povertyStatus,
  };
}

/** The contract's order of each basis's fields (PostgreSQL's jsonb keeps keys in its own order). */
const BASIS_KEYS: Record<StatementKind, readonly string[]> = {
  dividend: [
    'declarationId',
    'stakeIds',
    'shares',
    'totalShares',
    'poolFen',
    'guaranteedYearlyFen',
    'periodShare',
    'allocatedFen',
    'projects',
  ],
  rent: ['leaseId', 'areaMu', 'rentPerMuYearFen', 'periodShare', 'dueFen'],
  wage: ['employmentId', 'workerName', 'wageBasis', 'rateFen', 'daysWorked', 'supplementary'],
  purchase: ['orderId', 'product', 'unit', 'quantity', 'priceFen'],
  guarantee_topup: ['stakeId', 'period', 'guaranteedFen', 'declaredFen', 'shortfallFen', 'payer', 'projectId'],
  distribution: [
    'distributionId',
    'collectiveId',
    'collectiveName',
    'basis',
    'weight',
    'totalWeight',
    'poolFen',
    'incomeSources',
    'declaredIncomeSources',
  ],
  interest_subsidy: [
    'loanId',
    'lender',
    'principalFen',
    'annualRateBp',
    'subsidyRateBp',
    'interestRepaidFen',
    'capFen',
  ],
};

/** The basis the projection wrote for a line of this kind, its fields in the contract's order. */
function inContractOrder(kind: StatementKind, basis: Record<string, unknown>): StatementLine['basis'] {
  const ordered: Record<string, unknown> = {};
  // A purchase's quantity is kept as its canonical decimal string; the contract has a number, and at
  // most 15 significant digits (see the order's quantity rule) a double holds exactly as written.
  if (kind === 'purchase' && typeof basis.quantity === 'string') basis = { ...basis, quantity: Number(basis.quantity) };
  for (const key of BASIS_KEYS[kind]) if (basis[key] !== undefined) ordered[key] = basis[key];
  for (const [key, value] of Object.entries(basis)) if (!(key in ordered)) ordered[key] = value;
  return ordered as unknown as StatementLine['basis'];
}

function toLine(row: LineRow, lang: StatementLang): StatementLine {
  const basis = inContractOrder(row.kind, row.basis);
  const reversedAt = row.reversed ? row.reversal_recorded_at : null;
  const reversed = reversedAt !== null;
  const amountFen = Number(row.amount_fen);
  const explainable = {
    kind: row.kind,
    basis,
    entityName: row.entity_name,
    period: row.period,
    amountFen,
    ...(row.delivered_on === null ? {} : { deliveredOn: row.delivered_on }),
    ...(reversed ? { reversalReason: row.reversal_reason ?? '' } : {}),
  } as ExplainableLine;
  return {
    paymentId: row.payment_id,
    paidOn: row.paid_on,
    amountFen,
    form: row.form,
    kind: row.kind,
    // A subsidy on a loan for the household's own production concerns no entity.
    entity:
      row.kind === 'interest_subsidy' && row.entity_id === '' ? null : { id: row.entity_id, name: row.entity_name },
    linkageId: row.linkage_id,
    period: row.period,
    explanation: explainLine(explainable, lang),
    basis,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
    reference: row.reference,
    // Returned by the bank: listed, not counted (owed again), until paid again by a reissue.
    status: reversed ? 'reversed' : row.returned ? (row.reissued_as === null ? 'returned' : 'reissued') : 'paid',
    reversed,
    ...(reversed && reversedAt
      ? {
          reversal: {
            reversalId: row.reversal_id ?? '',
            reason: row.reversal_reason ?? '',
            recordedAt: reversedAt.toISOString(),
          },
        }
      : {}),
    ...bankSide(row),
  } as StatementLine;
}

/** A line's return and reissue, as of the statement's instant (a reissue recorded later is not shown). */
function bankSide(row: LineRow): Pick<StatementLine, 'returned' | 'reissuedAs' | 'reissueOf'> {
  return {
    ...(row.returned && row.return_recorded_at
      ? {
          returned: {
            returnedOn: row.returned_on ?? '',
            reason: row.return_reason ?? '',
            ...(row.return_detail === null ? {} : { detail: row.return_detail }),
            recordedAt: row.return_recorded_at.toISOString(),
          },
          ...(row.reissued_as === null ? {} : { reissuedAs: row.reissued_as }),
        }
      : {}),
    ...(row.reissue_of === null ? {} : { reissueOf: row.reissue_of }),
  };
}

/** The statement's CSV columns (one row per line, no totals row). */
export const STATEMENT_CSV_COLUMNS: readonly CsvColumn<StatementLine>[] = [
  { header: 'paymentId', value: (l) => l.paymentId },
  { header: 'paidOn', value: (l) => l.paidOn },
  { header: 'form', value: (l) => l.form },
  { header: 'kind', value: (l) => l.kind },
  { header: 'entityName', value: (l) => l.entity?.name ?? '' },
  { header: 'period', value: (l) => l.period },
  { header: 'amountFen', value: (l) => l.amountFen },
  { header: 'amountYuan', value: (l) => plainYuan(l.amountFen) },
  { header: 'reversed', value: (l) => (l.reversed ? 'true' : 'false') },
  { header: 'explanation', value: (l) => l.explanation },
  { header: 'recordedAt', value: (l) => l.recordedAt },
  { header: 'recordedBy', value: (l) => l.recordedBy },
  // v2 appends, keeping the twelve columns of v1 where they were.
  { header: 'reference', value: (l) => l.reference },
  { header: 'status', value: (l) => l.status },
];
