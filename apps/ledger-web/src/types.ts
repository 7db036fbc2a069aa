/** The shapes of the API's answers that the console reads (see shared/api.md). */

export interface Household {
  id: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  status: string;
}

export interface StatementLine {
  paymentId: string;
  paidOn: string;
  amountFen: number;
  form: 'equity' | 'lease' | 'labour' | 'order';
  kind: 'dividend' | 'rent' | 'wage' | 'purchase';
  entity: { id: string; name: string };
  linkageId: string;
  period: string;
  explanation: string;
  reversed: boolean;
  reversal?: { reason?: string };
}

export interface Statement {
  household: Household;
  totalFen: number;
  byForm: Record<'equity' | 'lease' | 'labour' | 'order', number>;
  lines: StatementLine[];
  position: number;
}

export interface Obligation {
  linkageId: string;
  kind: 'dividend' | 'rent';
  householdId: string;
  period: string;
  dueOn: string;
  dueFen: number;
  paidFen: number;
  outstandingFen: number;
}

export interface Obligations {
  entity: { id: string; name: string };
  items: Obligation[];
  totals: { dueFen: number; paidFen: number; outstandingFen: number };
}

export interface FundFlow {
  project: { id: string; name: string };
  funds: { source: string; amountFen: number }[];
  disbursements: { entityId: string; entityName: string; amountFen: number }[];
  stakes: { stakeId: string; householdId: string; entityId: string; principalFen: number }[];
  dividendsPaid: { stakeId: string; householdId: string; amountFen: number }[];
  totals: { fundsFen: number; disbursedFen: number; stakePrincipalFen: number; dividendsPaidFen: number };
  flags: { rule: string; detail: string }[];
}

export interface CoverageRow {
  county: string;
  township?: string;
  village?: string;
  households: number;
  covered: number;
  byForm: { equity: number; lease: number; labour: number; order: number };
  receivedFen: number;
}

export interface Coverage {
  level: 'county' | 'township' | 'village';
  year: number;
  items: CoverageRow[];
}

export interface Page<Item> {
  items: Item[];
  nextCursor?: string;
}

export interface EntityListItem {
  id: string;
  name: string;
  kind: string;
  creditCode?: string;
  township: string;
  county: string;
}

export interface ProjectListItem {
  id: string;
  name: string;
  industry: string;
  county: string;
}

/** `GET /v1/households/{id}/linkages`: what the household is party to, and the terms a form offers. */
export interface HouseholdLinkage {
  linkageId: string;
  kind: 'employment' | 'lease' | 'order' | 'dividend';
  entity: { id: string; name: string };
  startsOn?: string;
  endsOn?: string;
  terms: {
    workerName?: string;
    wageBasis?: string;
    rateFen?: number;
    areaMu?: string;
    rentPerMuYearFen?: number;
    schedule?: string;
    product?: string;
    unit?: string;
    priceFen?: number;
    period?: string;
    declaredOn?: string;
    allocatedFen?: number;
  };
}

export interface LeaseDueView {
  period: string;
  dueOn: string;
  amountFen: number;
  paidFen: number;
  outstandingFen: number;
}

export interface LeaseView {
  id: string;
  dues: LeaseDueView[];
}

export interface DividendView {
  id: string;
  period: string;
  declaredOn: string;
  households: { householdId: string; allocatedFen: number; paidFen: number; owedFen: number }[];
}

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
  code?: string;
}

/** `POST /v1/imports` and `GET /v1/imports/{id}`. */
export interface ImportReport {
  id: string;
  kind: string;
  dryRun: boolean;
  fileName: string;
  status: 'validated' | 'processing' | 'committed' | 'rejected' | 'duplicate';
  phase?: 'validating' | 'writing' | 'done';
  rows: number;
  accepted: number;
  rejected: number;
  written?: number;
  errors: ImportRowError[];
  errorCount?: number;
  duplicateOf?: string;
  position?: number;
  failure?: string;
  wrote?: { row: number; id: string; position: number }[];
}
