import type { DomainEvent } from '../common/decider';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { Fen } from '../primitives/money';

/** How a worker's wage is set: a monthly wage, a day rate, or a rate per piece (计件). */
export type WageBasis = 'monthly' | 'daily' | 'piece';

export const WAGE_BASES: readonly WageBasis[] = ['monthly', 'daily', 'piece'];

/**
 * A household member starts working for an entity (劳务联结): who works, for whom, from when, and
 * the wage agreed (monthly wage, day rate or piece rate, in fen). `township` is the household's, for
 * clerks' scoping; `entityName` is kept so statements can name the employer from this stream alone.
 */
export type EmploymentStarted = DomainEvent<
  'EmploymentStarted',
  {
    employmentId: string;
    entityId: string;
    entityName: string;
    householdId: string;
    township: string;
    workerName: string;
    startsOn: string;
    wageBasis: WageBasis;
    rateFen: Fen;
  }
>;

/**
 * Wages paid to the worker for one calendar month (`period`, YYYY-MM). A second payment for a month
 * already paid is a supplementary payment (补发) and says so; `daysWorked` is the attendance the
 * roster gives (required for day-rate wages); `reference` the voucher number (凭证号).
 */
export type WagePaid = DomainEvent<
  'WagePaid',
  {
    employmentId: string;
    paymentId: string;
    householdId: string;
    workerName: string;
    period: string;
    amountFen: Fen;
    paidOn: string;
    daysWorked?: number;
    supplementary: boolean;
    reference?: string;
  }
>;

/** The employment ended on a date (last day worked), for a stated reason. */
export type EmploymentEnded = DomainEvent<'EmploymentEnded', { employmentId: string; endsOn: string; reason: string }>;

export type EmploymentEvent = EmploymentStarted | WagePaid | EmploymentEnded | PaymentReversed | PaymentBankEvent;

export const WAGE_BASIS_ZH: Record<WageBasis, string> = { monthly: '月薪', daily: '日薪', piece: '计件' };
