/*
 * Amount sanity checks a clerk confirms before saving a payment: the API accepts a wage of any size
 * (a supplementary month, a bonus), so a slip of the keyboard (25,000,000 yuan against a 2,400-a-month
 * contract) would be recorded unless the form asks first. Pure: no React, no API; integer fen, compared
 * with BigInt so no product loses precision.
 */

/** How far above the agreed wage a payment must be to ask: half as much again (a bonus month is not unusual). */
const WAGE_FACTOR_NUM = 3n;
const WAGE_FACTOR_DEN = 2n;
/** Most days a month has: a daily wage without days worked is checked against a whole month. */
const MAX_DAYS_IN_MONTH = 31n;

export type SanityWarning =
  | { rule: 'wage_monthly'; amountFen: number; rateFen: number }
  | { rule: 'wage_daily'; amountFen: number; expectedFen: number }
  | { rule: 'wage_no_days'; amountFen: number; rateFen: number }
  | { rule: 'rent_above_due'; amountFen: number; dueFen: number }
  | { rule: 'dividend_above_allocation'; amountFen: number; allocatedFen: number };

export interface PaymentFacts {
  kind: 'employment' | 'lease' | 'order' | 'dividend';
  amountFen: number;
  /** Employment: its wage basis and rate. */
  wageBasis?: 'monthly' | 'daily' | 'piece';
  rateFen?: number;
  daysWorked?: number;
  /** Lease: what is still due for the period chosen. */
  rentDueFen?: number;
  /** Dividend: what the declaration allocated to the household. */
  allocatedFen?: number;
}

const farAbove = (amountFen: number, baseFen: number) =>
  BigInt(amountFen) * WAGE_FACTOR_DEN > BigInt(baseFen) * WAGE_FACTOR_NUM;

/** What looks wrong with this amount against the linkage's terms (empty when nothing does). */
export function sanityWarnings(f: PaymentFacts): SanityWarning[] {
  if (!Number.isSafeInteger(f.amountFen) || f.amountFen <= 0) return [];
  switch (f.kind) {
    case 'employment': {
      if (f.rateFen === undefined || f.rateFen <= 0) return [];
      if (f.wageBasis === 'monthly' && farAbove(f.amountFen, f.rateFen))
        return [{ rule: 'wage_monthly', amountFen: f.amountFen, rateFen: f.rateFen }];
      if (f.wageBasis === 'daily') {
        if (f.daysWorked !== undefined && f.daysWorked > 0) {
          const expected = BigInt(f.daysWorked) * BigInt(f.rateFen);
          if (BigInt(f.amountFen) * WAGE_FACTOR_DEN > expected * WAGE_FACTOR_NUM)
            return [{ rule: 'wage_daily', amountFen: f.amountFen, expectedFen: Number(expected) }];
        } else if (BigInt(f.amountFen) > MAX_DAYS_IN_MONTH * BigInt(f.rateFen)) {
          return [{ rule: 'wage_no_days', amountFen: f.amountFen, rateFen: f.rateFen }];
        }
      }
      return [];
    }
    case 'lease':
      return f.rentDueFen !== undefined && f.amountFen > f.rentDueFen
        ? [{ rule: 'rent_above_due', amountFen: f.amountFen, dueFen: f.rentDueFen }]
        : [];
    case 'dividend':
      return f.allocatedFen !== undefined && f.amountFen > f.allocatedFen
        ? [{ rule: 'dividend_above_allocation', amountFen: f.amountFen, allocatedFen: f.allocatedFen }]
        : [];
    case 'order':
      // The form already offers the contract's amount (quantity × price); the API refuses any other.
      return [];
    default: {
      const unknown: never = f.kind;
      return unknown;
    }
  }
}
