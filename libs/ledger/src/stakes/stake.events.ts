import type { DomainEvent } from '../common/decider';

/**
 * Where a stake's principal came from: fiscal funds turned into shares via a project (资金变股金),
 * land as shares (土地入股), a household loan invested in the entity (户贷企用), or own cash.
 */
export type StakeSource = 'fiscal_fund' | 'land' | 'household_loan' | 'cash';

export const STAKE_SOURCES: readonly StakeSource[] = ['fiscal_fund', 'land', 'household_loan', 'cash'];

/** An equity stake held for a household in an entity (股份联结). Recorded in the entity's stream. */
export type StakeAcquired = DomainEvent<
  'StakeAcquired',
  {
    stakeId: string;
    entityId: string;
    householdId: string;
    /** The household's township, for clerks' scoping and audit. */
    township: string;
    /** The project whose disbursement bought a fiscal-fund stake. */
    projectId?: string;
    source: StakeSource;
    /** The household's loan a `household_loan` stake was bought with (户贷企用), when named. */
    loanId?: string;
    principalFen: number;
    /** Shares held: the weight of this stake in a pro-rata dividend. */
    shares: number;
    /** Guaranteed yearly dividend (保底分红), pro-rated to each declared period. */
    guaranteedYearlyFen?: number;
    startsOn: string;
    endsOn?: string;
  }
>;

/** A stake ended (redeemed, transferred, term over) on a date, for a stated reason. */
export type StakeEnded = DomainEvent<
  'StakeEnded',
  { stakeId: string; entityId: string; endsOn: string; reason: string }
>;

export type StakeEvent = StakeAcquired | StakeEnded;
