import type { DomainEvent } from '../common/decider';
import type { GuaranteeSchedule, Guarantor } from '../primitives/guarantee';
import type { Fen } from '../primitives/money';

/**
 * Where a stake's principal came from: fiscal funds turned into shares via a project (资金变股金),
 * land as shares (土地入股), a household loan invested in the entity (户贷企用), or own cash.
 */
export type StakeSource = 'fiscal_fund' | 'land' | 'household_loan' | 'cash';

export const STAKE_SOURCES: readonly StakeSource[] = ['fiscal_fund', 'land', 'household_loan', 'cash'];

/** An equity stake held for a household, or a village collective, in an entity (股份联结). Recorded in the entity's stream. */
export type StakeAcquired = DomainEvent<
  'StakeAcquired',
  {
    stakeId: string;
    entityId: string;
    /** The household the stake is held for; absent when a village collective holds it. */
    householdId?: string;
    /** The village collective (an entity id) holding the stake in a household's place. */
    collectiveId?: string;
    /** The holder's township (household's, or collective's), for clerks' scoping and audit. */
    township: string;
    /** The project whose disbursement bought a fiscal-fund stake. */
    projectId?: string;
    source: StakeSource;
    /** The household's loan a `household_loan` stake was bought with (户贷企用), when named. */
    loanId?: string;
    principalFen: Fen;
    /** Shares held: the weight of this stake in a pro-rata dividend. */
    shares: number;
    /** Guaranteed yearly dividend (保底分红), pro-rated to each declared period. */
    guaranteedYearlyFen?: Fen;
    /** With a guarantee: the periods it falls due in (absent on stakes recorded before: `yearly`). */
    guaranteeSchedule?: GuaranteeSchedule;
    /** With a guarantee: who covers a shortfall (absent on stakes recorded before: `entity`). */
    guarantor?: Guarantor;
    startsOn: string;
    endsOn?: string;
    /** A stake re-allocated from another household (动态调整): the stake it continues. */
    transferredFrom?: string;
    /**
     * On a transferred guaranteed stake: the day the promise began (its first holder's start), so the
     * guarantee periods of the holders add up to the promise (see primitives/guarantee.ts).
     */
    promiseStartsOn?: string;
  }
>;

/** A stake ended (redeemed, transferred, term over) on a date, for a stated reason. */
export type StakeEnded = DomainEvent<
  'StakeEnded',
  {
    stakeId: string;
    entityId: string;
    endsOn: string;
    reason: string;
    /** When the stake's shares moved to another household (动态调整): the stake that continues it. */
    transferredTo?: string;
  }
>;

/**
 * The guarantor paid (part of) the shortfall of one guarantee period of a stake (保底补足): a payment
 * to the stake's holder like any other, numbered among the stake's top-ups (`<stakeId>.p<n>`), with
 * the figures that explain it (what was promised, declared and short when it was paid).
 */
export type GuaranteeToppedUp = DomainEvent<
  'GuaranteeToppedUp',
  {
    stakeId: string;
    entityId: string;
    /** The entity's name, for the household's statement line. */
    entityName: string;
    paymentId: string;
    householdId: string;
    township: string;
    period: string;
    amountFen: Fen;
    paidOn: string;
    payer: Guarantor;
    /** The project whose fiscal funds paid, when the payer is the project. */
    projectId?: string;
    reference?: string;
    guaranteedFen: Fen;
    declaredFen: Fen;
    shortfallFen: Fen;
  }
>;

export type StakeEvent = StakeAcquired | StakeEnded | GuaranteeToppedUp;
