import type { AcknowledgementView } from '../acknowledgements/acknowledgement.view';
import type { WageBasis } from '../employment/employment.events';
import type { HouseholdSummary } from '../households/get-household/household.view';
import type { ObligationItem } from '../obligations/get-obligations/obligations.view';
import type { FundSource } from '../projects/project.events';
import type { StakeSource } from '../stakes/stake.events';
import type { Fen } from '../primitives/money';

/*
 * The statement as the API answers it. Types and plain constants, importing only types: the web console
 * (apps/ledger-web) compiles against this file, so it must stay free of Node and Nest.
 */

/** Language of a statement: Chinese by default. */
export type StatementLang = 'zh' | 'en';
/** The linkage forms a payment can come through (`collective` arrives with its issue; `credit` is the interest subsidy of a poverty loan). */
export type StatementForm = 'equity' | 'lease' | 'labour' | 'order' | 'collective' | 'credit';
/** The forms a statement sums, in the contract's order: every one is present, 0 when nothing came through it. */
export const STATEMENT_FORMS: readonly StatementForm[] = ['equity', 'lease', 'labour', 'order', 'collective', 'credit'];
export type StatementKind =
  'dividend' | 'rent' | 'wage' | 'purchase' | 'interest_subsidy' | 'guarantee_topup' | 'distribution';
/**
 * What became of a payment as of the statement's instant. Only `paid` and `reversed` are produced
 * today; `returned` (the bank sent it back) and `reissued` (paid again) come with the bank's side.
 */
export type LineStatus = 'paid' | 'reversed' | 'returned' | 'reissued';

/** Why a dividend was paid: the household's part of a declaration, over all its stakes in it. */
export interface DividendLineBasis {
  declarationId: string;
  stakeIds: string[];
  /** The household's shares over all its stakes in the declaration. */
  shares: number;
  /** Shares of every stake active on the record date. */
  totalShares: number;
  poolFen?: Fen;
  /** The household's guaranteed yearly dividend over its stakes (declarations without a pool). */
  guaranteedYearlyFen?: Fen;
  periodShare: string;
  /** What the declaration allocated to the household over all its stakes. */
  allocatedFen: Fen;
  /** Projects whose fiscal funds bought the household's stakes, with their funds by source. */
  projects: { projectId: string; projectName: string; fundSources: { source: FundSource; amountFen: Fen }[] }[];
}

export interface RentLineBasis {
  leaseId: string;
  areaMu: string;
  rentPerMuYearFen: Fen;
  periodShare: string;
  /** Rent due for the period when paid, before any payment. */
  dueFen: Fen;
}

export interface WageLineBasis {
  employmentId: string;
  workerName: string;
  wageBasis: WageBasis;
  rateFen: Fen;
  daysWorked?: number;
  supplementary: boolean;
}

export interface PurchaseLineBasis {
  orderId: string;
  product: string;
  unit: string;
  /**
   * In the order's unit, e.g. `12.5`: a JSON number, exact (at most 12 digits before the point and 3
   * after, so at most 15 significant digits, which a double holds exactly as written).
   */
  quantity: number;
  priceFen: Fen;
}

/** Why an interest subsidy (贴息) was paid: the loan, its rates, and the cap the interest repaid gave. */
export interface InterestSubsidyLineBasis {
  loanId: string;
  lender: string;
  principalFen: Fen;
  annualRateBp: number;
  subsidyRateBp: number;
  /** Interest repaid on the loan on or before the subsidy's paidOn, net of reversals, when it was paid. */
  interestRepaidFen: Fen;
  /** interestRepaidFen × subsidyRateBp ÷ annualRateBp, rounded down: the most all subsidies may add up to. */
  capFen: Fen;
}

/** An operating entity as a statement names it. */
export interface EntityRef {
  id: string;
  name: string;
}

interface LineCommon {
  paymentId: string;
  paidOn: string;
  amountFen: Fen;
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
  /** The voucher or bank reference (凭证号) the clerk recorded; null when none was. */
  reference: string | null;
  status: LineStatus;
  /** Sent back by the bank as of the statement's instant: listed, not counted, owed again. */
  returned?: { returnedOn: string; reason: string; detail?: string; recordedAt: string };
  /** The payment that paid this returned one again. */
  reissuedAs?: string;
  /** The returned payment this one pays again. */
  reissueOf?: string;
}

/** Why a guarantee was topped up (保底补足): the guarantee period's promise set against what was declared. */
export interface GuaranteeTopupLineBasis {
  stakeId: string;
  period: string;
  guaranteedFen: Fen;
  declaredFen: Fen;
  shortfallFen: Fen;
  payer: 'entity' | 'project';
  projectId?: string;
}

/**
 * Why a village collective paid a household (二次分配): its share of a pool by the basis the village
 * chose, and the dividends the collective received by the distribution's declaredOn, by entity.
 */
export interface DistributionLineBasis {
  distributionId: string;
  collectiveId: string;
  collectiveName: string;
  basis: 'per_household' | 'per_member' | 'weighted';
  weight: number;
  totalWeight: number;
  poolFen: Fen;
  /** As the collective ledger stands now: a dividend to it reversed or returned since no longer counts. */
  incomeSources: { entityId: string; entityName: string; amountFen: Fen }[];
  /** The sources recorded when the distribution was declared, present only when they have changed since. */
  declaredIncomeSources?: { entityId: string; entityName: string; amountFen: Fen }[];
}

/** One payment to the household, explained. */
export type StatementLine = LineCommon &
  (
    | { form: 'equity'; kind: 'dividend'; basis: DividendLineBasis; entity: EntityRef }
    | { form: 'lease'; kind: 'rent'; basis: RentLineBasis; entity: EntityRef }
    | { form: 'labour'; kind: 'wage'; basis: WageLineBasis; entity: EntityRef }
    | { form: 'order'; kind: 'purchase'; basis: PurchaseLineBasis; entity: EntityRef }
    | { form: 'equity'; kind: 'guarantee_topup'; basis: GuaranteeTopupLineBasis; entity: EntityRef }
    /** `entity` is the collective that paid. */
    | { form: 'collective'; kind: 'distribution'; basis: DistributionLineBasis; entity: EntityRef }
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
  totalFen: Fen;
  byForm: Record<StatementForm, number>;
  /** Counted lines grouped by the year of `paidOn`, oldest first. */
  byYear: StatementYear[];
  /** Ordered by paidOn, then by when they were recorded. */
  lines: StatementLine[];
  /** Every linkage the household has had as recorded at `asOf`, ended ones included. */
  holdings: Holdings;
  /** The household's obligation items with something outstanding (as of `asOf`, due by its date). */
  owed: { items: OwedItem[]; outstandingFen: Fen };
  /** Whom to ask and where to complain: the county's office, or only the national hotline until set. */
  contact: Contact;
  /** The household's acknowledgement of its statement recorded last (as of `asOf`), when there is one. */
  acknowledgement?: AcknowledgementView;
}

export interface StatementYear {
  year: number;
  totalFen: Fen;
  byForm: Record<StatementForm, number>;
}

/** A stake is `ended` once its end is recorded or its term is over; `transferred` comes with 动态调整. */
export type StakeHoldingStatus = 'active' | 'ended' | 'transferred';

export interface StakeHolding {
  stakeId: string;
  entity: EntityRef;
  source: StakeSource;
  project?: EntityRef;
  loanId?: string;
  principalFen: Fen;
  shares: number;
  guaranteedYearlyFen?: Fen;
  startsOn: string;
  /** The end recorded, else the term's end; absent for a stake without a term. */
  endsOn?: string;
  status: StakeHoldingStatus;
  /** Shares re-allocated to this household (动态调整): the stake they came from. */
  transferredFrom?: string;
  /** Shares re-allocated away from this household: the stake that continues them. */
  transferredTo?: string;
}

export interface LeaseHolding {
  leaseId: string;
  entity: EntityRef;
  areaMu: string;
  rentPerMuYearFen: Fen;
  startsOn: string;
  /** The early end recorded, else the term's end. */
  endsOn: string;
}

export interface EmploymentHolding {
  employmentId: string;
  entity: EntityRef;
  workerName: string;
  wageBasis: WageBasis;
  rateFen: Fen;
  startsOn: string;
  endsOn?: string;
}

export interface OrderHolding {
  orderId: string;
  entity: EntityRef;
  product: string;
  unit: string;
  priceFen: Fen;
  startsOn: string;
  endsOn: string;
}

/** What the household holds: every linkage and poverty loan, each list in the order recorded. */
export interface Holdings {
  stakes: StakeHolding[];
  leases: LeaseHolding[];
  employments: EmploymentHolding[];
  orders: OrderHolding[];
  loans: LoanHolding[];
}

/** A poverty micro-credit loan the household took (扶贫小额信贷), with the principal it still owes. */
export interface LoanHolding {
  loanId: string;
  lender: string;
  contractNo?: string;
  principalFen: Fen;
  outstandingPrincipalFen: Fen;
  use: 'own_production' | 'invested_in_entity';
  /** The entity the loan was invested in (户贷企用). */
  entity?: EntityRef;
  disbursedOn: string;
  maturesOn: string;
}

/** An obligation item of the household's with something outstanding, and who owes it. */
export interface OwedItem {
  linkageId: string;
  kind: ObligationItem['kind'];
  householdId: string;
  entity: EntityRef;
  period: string;
  /** Owed since: the declaration's date, or the rent period's due date. */
  dueOn: string;
  dueFen: Fen;
  paidFen: Fen;
  outstandingFen: Fen;
}

export interface Contact {
  office: string | null;
  phone: string | null;
  /** The national supervision hotline (12317) unless the county set another. */
  hotline: string;
}
