import type { Fen } from '../../primitives/money';
/* The month's payments as the API answers it. Types only: the web console compiles against this file. */

/** Payments to households paid in one month, within what the caller may read. */
export interface PaymentsMonth {
  /** `YYYY-MM`. */
  month: string;
  /** The county counted, when one was asked for. */
  county?: string;
  /** Payments paid in the month, neither reversed nor returned (a reissue counts once, on its own date). */
  payments: number;
  amountFen: Fen;
  /** Households paid at least once in the month. */
  households: number;
  position: number;
}
