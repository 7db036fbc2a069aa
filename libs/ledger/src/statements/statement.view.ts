import type { WageBasis } from '../employment/employment.events';
import type { HouseholdSummary } from '../households/get-household/household.view';
import type { FundSource } from '../projects/project.events';

/*
 * The statement as the API answers it. Types only, importing only types: the web console
 * (apps/ledger-web) compiles against this file, so it must stay free of Node and Nest.
 */

/** Language of a statement: Chinese by default. */
export type StatementLang = 'zh' | 'en';
/** The linkage forms a payment can come through: the four linkages, and poverty micro-credit (its interest subsidy). */
export type StatementForm = 'equity' | 'lease' | 'labour' | 'order' | 'credit';
export type StatementKind = 'dividend' | 'rent' | 'wage' | 'purchase' | 'interest_subsidy';

/** Why a dividend was paid: the household's part of a declaration, over all its stakes in it. */
export interface DividendLineBasis {
  declarationId: string;
  stakeIds: string[];
  /** The household's shares over all its stakes in the declaration. */
  shares: number;
  /** Shares of every stake active on the record date. */
  totalShares: number;
  poolFen?: number;
  /** The household's guaranteed yearly dividend over its stakes (declarations without a pool). */
  guaranteedYearlyFen?: number;
  periodShare: string;
  /** What the declaration allocated to the household over all its stakes. */
  allocatedFen: number;
  /** Projects whose fiscal funds bought the household's stakes, with their funds by source. */
  projects: { projectId: string; projectName: string; fundSources: { source: FundSource; amountFen: number }[] }[];
}

export interface RentLineBasis {
  leaseId: string;
  areaMu: string;
  rentPerMuYearFen: number;
  periodShare: string;
  /** Rent due for the period when paid, before any payment. */
  dueFen: number;
}

export interface WageLineBasis {
  employmentId: string;
  workerName: string;
  wageBasis: WageBasis;
  rateFen: number;
  daysWorked?: number;
  supplementary: boolean;
}

export interface PurchaseLineBasis {
  orderId: string;
  product: string;
  unit: string;
  /** Decimal string in the order's unit, e.g. `"12.5"`. */
  quantity: string;
  priceFen: number;
}

/** Why an interest subsidy (贴息) was paid: the loan, its rates, and the cap the interest repaid gave. */
export interface InterestSubsidyLineBasis {
  loanId: string;
  lender: string;
  principalFen: number;
  annualRateBp: number;
  subsidyRateBp: number;
  /** Interest repaid on the loan on or before the subsidy's paidOn, net of reversals, when it was paid. */
  interestRepaidFen: number;
  /** interestRepaidFen × subsidyRateBp ÷ annualRateBp, rounded down: the most all subsidies may add up to. */
  capFen: number;
}

/** An operating entity as a statement names it. */
export interface EntityRef {
  id: string;
  name: string;
}

interface LineCommon {
  paymentId: string;
  paidOn: string;
  amountFen: number;
  linkageId: string;
  /** The period paid for; for a purchase, the month the produce was delivered. */
  period: string;
  explanation: string;
  /** When the payment was recorded (ISO 8601). */
  recordedAt: string;
  /** User id of who recorded it. */
  recordedBy: string | null;
  /** Reversed as of the statement's instant: listed, not counted. */
  reversed: boolean;
  reversal?: { reversalId: string; reason: string; recordedAt: string };
  /** Sent back by the bank as of the statement's instant: listed, not counted, owed again. */
  returned?: { returnedOn: string; reason: string; detail?: string; recordedAt: string };
  /** The payment that paid this returned one again. */
  reissuedAs?: string;
  /** The returned payment this one pays again. */
  reissueOf?: string;
}

/** One payment to the household, explained. */
export type StatementLine = LineCommon &
  (
    | { form: 'equity'; kind: 'dividend'; basis: DividendLineBasis; entity: EntityRef }
    | { form: 'lease'; kind: 'rent'; basis: RentLineBasis; entity: EntityRef }
    | { form: 'labour'; kind: 'wage'; basis: WageLineBasis; entity: EntityRef }
    | { form: 'order'; kind: 'purchase'; basis: PurchaseLineBasis; entity: EntityRef }
    | {
        form: 'credit';
        kind: 'interest_subsidy';
        basis: InterestSubsidyLineBasis;
        /** The entity the loan was invested in (户贷企用), or null for a loan for own production. */
        entity: EntityRef | null;
      }
  );

/** `GET /v1/households/{id}/statement`: everything a household received, and why, as of an instant. */
export interface Statement {
  household: HouseholdSummary;
  /** Inclusive bounds on `paidOn`, as asked (null: unbounded). */
  from: string | null;
  to: string | null;
  /** The instant the ledger is shown as of, as asked (null: as it stands now). */
  asOf: string | null;
  /** Checkpoint position of the statement projection the answer was drawn at. */
  position: number;
  /** Sum of the lines not reversed. */
  totalFen: number;
  byForm: Record<StatementForm, number>;
  /** Ordered by paidOn, then by when they were recorded. */
  lines: StatementLine[];
  /** What the household holds, as recorded at `asOf` (ended ones included). Loans for now; stakes, leases and the rest join here. */
  holdings: StatementHoldings;
}

/** The household's linkages and loans, each list in the order recorded. */
export interface StatementHoldings {
  loans: LoanHolding[];
}

/** A poverty micro-credit loan the household took (扶贫小额信贷), with the principal it still owes. */
export interface LoanHolding {
  loanId: string;
  lender: string;
  contractNo?: string;
  principalFen: number;
  outstandingPrincipalFen: number;
  use: 'own_production' | 'invested_in_entity';
  /** The entity the loan was invested in (户贷企用). */
  entity?: EntityRef;
  disbursedOn: string;
  maturesOn: string;
}
