import type { DomainEvent } from '../common/decider';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { NoticeHoldChanged } from '../notices/notice.events';
import type { StakeSource } from '../stakes/stake.events';
import type { Fen } from '../primitives/money';

/**
 * One stake's part of a declaration, with the figures that explain it to the household later:
 * the stake's shares (pro-rata) or its guaranteed yearly dividend (保底分红), and where its
 * principal came from (a project's fiscal funds, land, a household loan, cash).
 */
export interface DividendAllocation {
  stakeId: string;
  householdId?: string;
  collectiveId?: string;
  /** The household's township, for clerks' scoping of payments. */
  township: string;
  shares: number;
  guaranteedYearlyFen?: Fen;
  /** The project whose money bought a fiscal-fund stake. */
  projectId?: string;
  source: StakeSource;
  amountFen: Fen;
}

/**
 * An entity declared a dividend (分红) for a period and split it over the stakes active on the record
 * date: a pool in proportion to shares (largest remainder, to the fen), or, without a pool, each
 * guaranteed stake's yearly amount times the period's share of a year. Its own stream, `dividend-<uuid>`.
 */
export type DividendDeclared = DomainEvent<
  'DividendDeclared',
  {
    declarationId: string;
    entityId: string;
    entityName: string;
    /** The entity's township. */
    township: string;
    /** `2018`, `2018-H1`, `2018-Q3`, `2018-07`. */
    period: string;
    /** The period's nominal share of a year as a fraction text: `"1"`, `"1/2"`, `"1/4"`, `"1/12"`. */
    periodShare: string;
    declaredOn: string;
    /** The stakes active on this date take part. */
    recordDate: string;
    /** The amount split pro-rata, when the declaration has a pool. */
    poolFen?: Fen;
    /** A further declaration for a period that had one already (补充分红). */
    supplementary?: true;
    /** Shares of every stake active on the record date. */
    totalShares: number;
    allocations: DividendAllocation[];
  }
>;

/** Part or all of a household's dividend paid to it (to its account, in cash…), against a declaration. */
export type DividendPaid = DomainEvent<
  'DividendPaid',
  {
    declarationId: string;
    /** `<declarationId>.p<n>`. */
    paymentId: string;
    householdId?: string;
    collectiveId?: string;
    amountFen: Fen;
    paidOn: string;
    /** Voucher or bank reference (凭证号). */
    reference?: string;
  }
>;

export type DividendEvent = DividendDeclared | DividendPaid | PaymentReversed | PaymentBankEvent;

/**
 * Every event of a declaration's stream: its own, and the holds public notices (公示) on it put on its
 * payments (see NoticeHoldChanged), which only the declaration's deciders read.
 */
export type DividendStreamEvent = DividendEvent | NoticeHoldChanged;
