/**
 * A guaranteed dividend (保底分红) as a standing promise: "4,000 a year for three years, 2,000 per
 * half-year". The promise is cut into guarantee periods of its schedule, prorated by whole calendar
 * months inside the term exactly as a lease's rent periods are (so both read the same to a clerk);
 * what the entity declared on the stake is set against each period, and the shortfall is owed by the
 * guarantor and paid by top-ups.
 */

import { addDays, compareDates, minDate, type CalendarDate } from './calendar';
import { formatFraction, fraction, multiply, roundHalfUp } from './fraction';
import type { Fen } from './money';
import { parsePeriod, periodLastDay, periodMonths, periodsBetween } from './period';
import { monthsWhollyWithin, scheduleKind, type RentSchedule } from './rent';

/** When a guarantee falls due: the same calendar schedules as rent. */
export type GuaranteeSchedule = RentSchedule;

/** Who covers a shortfall: the entity itself, or the project's fiscal funds. */
export type Guarantor = 'entity' | 'project';

export const GUARANTORS: readonly Guarantor[] = ['entity', 'project'];

/** The promise as the stake records it. */
export interface GuaranteeTerms {
  guaranteedYearlyFen: Fen;
  schedule: GuaranteeSchedule;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  /**
   * A stake that continues a transferred promise (动态调整): the day the promise began. The months its
   * earlier holders covered in a period shared with them are then counted in the rounding (below).
   */
  promiseStartsOn?: CalendarDate;
}

/** One guarantee period: what was promised for it, and the calendar months it covers. */
export interface GuaranteePeriod {
  period: string;
  /** The period's last day, or the stake's end when the term ends inside it. */
  dueOn: CalendarDate;
  /** Covered months over 12, as a fraction text: `"1/2"` for a whole half-year. */
  share: string;
  /** The calendar months (`YYYY-MM`) wholly inside the term. */
  months: string[];
  guaranteedFen: Fen;
}

/** One allocation a stake received on a declaration, for setting against its guarantee periods. */
export interface DeclaredOnStake {
  /** The declaration's period: `2018`, `2018-H1`, `2018-Q3`, `2018-07`. */
  period: string;
  amountFen: Fen;
}

/**
 * The guarantee periods of a promise, in order: each period of the schedule that overlaps the term and
 * has at least one calendar month wholly inside it; guaranteed = yearly × months / 12, half-up to the fen.
 *
 * A stake continuing a transferred promise (`promiseStartsOn` before its start) rounds cumulatively: of
 * a period shared with earlier holders, who covered `before` of its months, it is promised
 * round(yearly × (before + months) / 12) − round(yearly × before / 12). The holders of a promise
 * transferred on a month's first day are then promised, together, exactly what one holder would have been.
 */
export function guaranteePeriods(terms: GuaranteeTerms): GuaranteePeriod[] {
  const periods: GuaranteePeriod[] = [];
  const promisedFor = (months: number) =>
    roundHalfUp(multiply(fraction(months, 12), BigInt(terms.guaranteedYearlyFen)));
  const earlierUntil = addDays(terms.startsOn, -1);
  const promiseStartsOn = terms.promiseStartsOn ?? terms.startsOn;
  for (const period of periodsBetween(scheduleKind(terms.schedule), terms.startsOn, terms.endsOn)) {
    const months = monthsWhollyWithin(period, terms.startsOn, terms.endsOn);
    if (months.length === 0) continue;
    const before =
      compareDates(promiseStartsOn, terms.startsOn) < 0
        ? monthsWhollyWithin(period, promiseStartsOn, earlierUntil).length
        : 0;
    periods.push({
      period: period.text,
      dueOn: minDate(periodLastDay(period), terms.endsOn),
      share: formatFraction(fraction(months.length, 12)),
      months,
      guaranteedFen: Number(promisedFor(before + months.length) - promisedFor(before)),
    });
  }
  return periods;
}

/**
 * What each guarantee period was declared, by period text. A declaration lying inside one guarantee
 * period counts wholly for it. One spanning several splits its allocation by calendar months: every
 * run of its months (each guarantee period's, and the months outside every guarantee period) gets
 * allocation × months ÷ the declaration's months, rounded down, and the fen left over go to the
 * earliest run; the runs outside every guarantee period are then dropped (they count for none).
 */
export function declaredByPeriod(
  periods: readonly GuaranteePeriod[],
  declared: readonly DeclaredOnStake[],
): Map<string, Fen> {
  const periodOfMonth = new Map<string, string>();
  for (const p of periods) for (const m of p.months) periodOfMonth.set(m, p.period);
  const totals = new Map<string, Fen>(periods.map((p) => [p.period, 0]));
  for (const d of declared) {
    const parsed = parsePeriod(d.period);
    if (!parsed.ok) throw new RangeError(`declaredByPeriod: invalid period ${d.period}`);
    const months = periodMonths(parsed.period);
    // Runs in calendar order; `undefined` marks months outside every guarantee period.
    const runs: { period: string | undefined; months: number }[] = [];
    for (const m of months) {
      const owner = periodOfMonth.get(m);
      const last = runs[runs.length - 1];
      if (last !== undefined && last.period === owner) last.months += 1;
      else runs.push({ period: owner, months: 1 });
    }
    const amount = BigInt(d.amountFen);
    const parts = runs.map((r) => (amount * BigInt(r.months)) / BigInt(months.length));
    parts[0] += amount - parts.reduce((a, b) => a + b, 0n);
    runs.forEach((r, i) => {
      if (r.period !== undefined) totals.set(r.period, (totals.get(r.period) ?? 0) + Number(parts[i]));
    });
  }
  return totals;
}

/** A guarantee period set against what was declared and topped up. */
export interface GuaranteeStanding extends GuaranteePeriod {
  declaredFen: Fen;
  /** max(0, guaranteed − declared): what the guarantor owes for the period. */
  shortfallFen: Fen;
}

/** Every guarantee period of a promise with its declared amount and shortfall. */
export function guaranteeStandings(terms: GuaranteeTerms, declared: readonly DeclaredOnStake[]): GuaranteeStanding[] {
  const periods = guaranteePeriods(terms);
  const byPeriod = declaredByPeriod(periods, declared);
  return periods.map((p) => {
    const declaredFen = byPeriod.get(p.period) ?? 0;
    return { ...p, declaredFen, shortfallFen: Math.max(0, p.guaranteedFen - declaredFen) };
  });
}
