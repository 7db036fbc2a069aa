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
