/**
 * What a printable statement (收益明白卡, the household's "clarity card") needs from the statement
 * query (`GET /v1/households/{id}/statement`): only the fields it prints or checks. The query's JSON
 * is structurally assignable to this, so the statement read model can be passed in as it is.
 */
import type { AcknowledgementView } from '../../acknowledgements/acknowledgement.view';
import type { Contact, Holdings, LineStatus, OwedItem, StatementForm } from '../statement.view';
import { noForms } from '../statement-sums';

export { STATEMENT_FORMS } from '../statement.view';

/** The household the card is for. */
export interface PrintableHousehold {
  id: string;
  /** 建档立卡编号 */
  registrationNo: string;
  /** 户主 */
  headName: string;
  village: string;
  township: string;
  county: string;
}

/** One payment received by the household. */
export interface PrintableLine {
  paymentId: string;
  /** `YYYY-MM-DD` */
  paidOn: string;
  amountFen: number;
  form: StatementForm;
  /** The paying entity (经营主体); null for an interest subsidy on a loan for own production. */
  entity: { name: string } | null;
  /** The period paid (`2018-H1`, `2018-07`…); purchases may have none. */
  period?: string | null;
  /** Why the household got this amount, in plain words (in the language the statement was asked in). */
  explanation: string;
  /** A reversed payment stays listed but is not counted. */
  reversed: boolean;
  reversal?: { reason?: string | null } | null;
  /** 凭证号, when recorded. */
  reference?: string | null;
  status?: LineStatus;
}

/** A household's statement as the query returns it. */
export interface PrintableStatement {
  household: PrintableHousehold;
  /** Inclusive `YYYY-MM-DD` bounds on `paidOn`; absent when the statement covers the whole record. */
  from?: string | null;
  to?: string | null;
  /** The instant the statement shows the ledger as of (ISO 8601). */
  asOf?: string | null;
  /** Global ledger position the statement was drawn at. */
  position: number;
  lines: readonly PrintableLine[];
  /** v2: what the household holds, is owed, and whom to ask (each section printed when present). */
  holdings?: Holdings;
  owed?: { items: readonly OwedItem[]; outstandingFen: number };
  contact?: Contact;
  /** The household's acknowledgement recorded last, printed above the signature box. */
  acknowledgement?: AcknowledgementView;
}

/** Totals of what counts (unreversed lines), by form and in all. */
export interface StatementTotals {
  totalFen: number;
  byForm: Record<StatementForm, number>;
  /** Lines counted, and lines listed but reversed. */
  counted: number;
  reversed: number;
}

/**
 * Adds up the unreversed lines. The card prints these sums (not figures passed alongside), so what
 * it shows always adds up to the lines it lists.
 */
export function statementTotals(lines: readonly PrintableLine[]): StatementTotals {
  const byForm = noForms();
  let totalFen = 0;
  let counted = 0;
  let reversed = 0;
  for (const line of lines) {
    if (line.reversed) {
      reversed++;
      continue;
    }
    byForm[line.form] += line.amountFen;
    totalFen += line.amountFen;
    counted++;
  }
  if (!Number.isSafeInteger(totalFen)) throw new RangeError('statement total exceeds 2^53 - 1 fen');
  return { totalFen, byForm, counted, reversed };
}
