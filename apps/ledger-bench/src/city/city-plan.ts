import type { WageBasis } from '@ledger/ledger/employment/employment.events';
import type { EntityKind } from '@ledger/ledger/entities/entity.events';
import type { ProjectIndustry, FundSource } from '@ledger/ledger/projects/project.events';
import type { RentSchedule } from '@ledger/ledger/primitives/rent';
import type { StakeSource } from '@ledger/ledger/stakes/stake.events';

/**
 * A synthetic prefecture-level city, from the figures in the domain brief (one city: 11,718 households
 * out of poverty, 134 assistance bases, 265 industrial projects, 3,587 poor workers employed directly,
 * 56.1 % of households with a poverty loan, four to five assistance measures per household), with
 * several years of monthly wages, half-yearly dividends, yearly rents and purchases.
 *
 * Deterministic from `seed`: the registry and the linkages are drawn once, in a fixed order; the
 * payments of each linkage are drawn from a generator seeded by that linkage alone, so they can be
 * produced lazily, lane by lane, without holding the whole city's payments in memory.
 *
 * It feeds `npm run bench` (the full city, written straight through the command handlers) and
 * `npm run demo` (one county, through the public HTTP API).
 */

/** The figures the city is drawn from, at scale 1. */
export const CITY_FIGURES = {
  households: 12_000,
  counties: 4,
  townshipsPerCounty: 5,
  villagesPerTownship: 6,
  entities: 134,
  projects: 265,
  workers: 3_587,
  /** Share of households holding at least one stake (资产收益 / 户贷企用 / 资金变股金). */
  stakeRate: 0.75,
  /** Share of stake holders with a second stake in another entity. */
  secondStakeRate: 0.12,
  /** Share of households leasing land to an entity (土地流转). */
  leaseRate: 0.4,
  /** Share of households selling produce under an order contract (订单). */
  orderRate: 0.3,
  /** Share of dividend payments and rent dues left unpaid (arrears the obligations report shows). */
  arrearsRate: 0.03,
} as const;

export interface CityOptions {
  seed?: number;
  /** 1 is the city of the brief; 0.1 a tenth of it; 10 ten times it. */
  scale?: number;
  /** First calendar year of payments (default 2016). */
  firstYear?: number;
  /** Number of years of payments (default 3). */
  years?: number;
  /**
   * Counties the households are spread over (default 4, the brief's city; at most
   * `MAX_COUNTIES`): a province is a hundred, at a scale of a quarter per county.
   */
  counties?: number;
}

export interface HouseholdSpec {
  key: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  enrolledOn: string;
}

export interface EntitySpec {
  key: string;
  name: string;
  kind: EntityKind;
  creditCode: string;
  township: string;
  county: string;
  /** Declares pro-rata dividends from a pool (true) or pays the stakes' guaranteed dividends (false). */
  poolDividends: boolean;
}

export interface ProjectSpec {
  key: string;
  name: string;
  industry: ProjectIndustry;
  county: string;
  operator: string;
  funds: { source: FundSource; amountFen: number; documentRef: string; receivedOn: string }[];
  disbursements: { entity: string; amountFen: number; purpose: string; disbursedOn: string }[];
}

export interface StakeSpec {
  key: string;
  entity: string;
  household: string;
  project?: string;
  source: StakeSource;
  principalFen: number;
  shares: number;
  guaranteedYearlyFen?: number;
  startsOn: string;
  /** A guaranteed stake has a term (a promise is "so much a year for so many years"). */
  endsOn?: string;
}

export interface LeaseSpec {
  key: string;
  entity: string;
  household: string;
  areaMu: string;
  rentPerMuYearFen: number;
  startsOn: string;
  endsOn: string;
  schedule: RentSchedule;
}

export interface EmploymentSpec {
  key: string;
  entity: string;
  household: string;
  workerName: string;
  startsOn: string;
  wageBasis: WageBasis;
  rateFen: number;
  /** Set when the worker left before the end of the period covered. */
  endsOn?: string;
}

export interface OrderSpec {
  key: string;
  entity: string;
  household: string;
  product: string;
  unit: string;
  priceFen: number;
  startsOn: string;
  endsOn: string;
}

export interface DeclarationSpec {
  key: string;
  entity: string;
  period: string;
  declaredOn: string;
  recordDate: string;
  poolFen?: number;
  /** Households holding stakes in the entity on the record date, in stake order. */
  households: string[];
}

/** The registry and every linkage of the city; payments are produced per linkage by `cityPhases`. */
export interface SyntheticCity {
  seed: number;
  scale: number;
  firstYear: number;
  years: number;
  counties: { name: string; townships: { name: string; villages: string[] }[] }[];
  households: HouseholdSpec[];
  entities: EntitySpec[];
  projects: ProjectSpec[];
  stakes: StakeSpec[];
  declarations: DeclarationSpec[];
  leases: LeaseSpec[];
  employments: EmploymentSpec[];
  orders: OrderSpec[];
}

// ---------------------------------------------------------------------------------------------
// Operations: what a clerk would post, with references to earlier records by plan key.

/** A write of the plan, in API terms. Ids of other records are plan keys, resolved by the loader. */
export type CityOp =
  | { op: 'household'; key: string; body: Omit<HouseholdSpec, 'key'> }
  | { op: 'entity'; key: string; body: Omit<EntitySpec, 'key' | 'poolDividends'> }
  | { op: 'project'; key: string; operator: string; body: { name: string; industry: ProjectIndustry; county: string } }
  | { op: 'funds'; key: string; project: string; body: ProjectSpec['funds'][number] }
  | {
      op: 'disburse';
      key: string;
      project: string;
      entity: string;
      body: { amountFen: number; purpose: string; disbursedOn: string };
    }
  | {
      op: 'stake';
      key: string;
      entity: string;
      household: string;
      project?: string;
      body: {
        source: StakeSource;
        principalFen: number;
        shares: number;
        guaranteedYearlyFen?: number;
        startsOn: string;
        endsOn?: string;
      };
    }
  | {
      op: 'declare';
      key: string;
      entity: string;
      body: { period: string; declaredOn: string; recordDate: string; poolFen?: number };
    }
  /** Pays the household everything allocated to it on the declaration. */
  | {
      op: 'payDividend';
      key: string;
      declaration: string;
      household: string;
      body: { paidOn: string; reference: string };
    }
  | {
      op: 'lease';
      key: string;
      entity: string;
      household: string;
      body: Omit<LeaseSpec, 'key' | 'entity' | 'household'>;
    }
  /** Pays the rent due for the period in full. */
  | { op: 'payRent'; key: string; lease: string; body: { period: string; paidOn: string; reference: string } }
  | {
      op: 'employment';
      key: string;
      entity: string;
      household: string;
      body: { workerName: string; startsOn: string; wageBasis: WageBasis; rateFen: number };
    }
  | {
      op: 'payWage';
      key: string;
      employment: string;
      body: { period: string; amountFen: number; paidOn: string; daysWorked?: number; reference: string };
    }
  | { op: 'endEmployment'; key: string; employment: string; body: { endsOn: string; reason: string } }
  | {
      op: 'order';
      key: string;
      entity: string;
      household: string;
      body: Omit<OrderSpec, 'key' | 'entity' | 'household'>;
    }
  | {
      op: 'payPurchase';
      key: string;
      order: string;
      body: { quantity: string; amountFen: number; deliveredOn: string; paidOn: string; reference: string };
    };

/** Writes that must run one after another (they touch the same stream); lanes of a phase are independent. */
export type CityLane = CityOp[];

/** A step of loading: every lane of a phase may run once every earlier phase is done. */
export interface CityPhase {
  name: string;
  /** Number of operations, for progress bars. */
  ops: number;
  lanes(): Iterable<CityLane>;
}

// ---------------------------------------------------------------------------------------------
// Names
