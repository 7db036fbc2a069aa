import type { ProjectIndustry } from '../../projects/project.events';
import type { CreditFlow } from '../fund-flow.credit';
import type {
  DisbursementFigure,
  DividendPaidFigure,
  FundFigure,
  FundFlowFlag,
  FundFlowTotals,
  StakeFigure,
} from '../fund-flow.figures';

/** One guarantee top-up (保底补足) of a stake the project's money bought. */
export interface GuaranteeTopupFigure {
  stakeId: string;
  householdId: string;
  period: string;
  payer: 'entity' | 'project';
  projectId?: string;
  amountFen: number;
}

/** `GET /v1/audit/fund-flow`: one project's money from its sources to the households (资金流向). */
export interface FundFlowView {
  project: { id: string; name: string; industry: ProjectIndustry; county: string; operatorId?: string };
  /** Funds received, by source. */
  funds: FundFigure[];
  /** What the project disbursed, by entity. */
  disbursements: DisbursementFigure[];
  /** The fiscal-fund stakes bought with the project's money. */
  stakes: StakeFigure[];
  /** Dividends paid (not reversed) attributed to those stakes. */
  dividendsPaid: DividendPaidFigure[];
  /** Guarantee top-ups (保底补足) on those stakes, apart from dividends. */
  guaranteeTopups: GuaranteeTopupFigure[];
  /** Poverty micro-credit whose interest the project subsidises: each loan from the bank to the household, into the entity and back. */
  credit: CreditFlow[];
  /** `subsidisedFen`: the project's interest subsidies on those loans, not reversed. */
  totals: FundFlowTotals & { subsidisedFen: number; guaranteeTopupsFen: number };
  /** Every step whose money exceeds its source. */
  flags: FundFlowFlag[];
}

export type NodeKind = 'fund_source' | 'project' | 'entity' | 'household';

/** One edge of the flow, as a CSV row. */
export interface FundFlowEdge {
  edge:
    | 'funds'
    | 'disbursement'
    | 'stake'
    | 'transfer'
    | 'dividend'
    | 'loan'
    | 'loan_stake'
    | 'repayment'
    | 'subsidy';
  fromKind: NodeKind;
  fromId: string;
  fromName: string;
  toKind: NodeKind;
  toId: string;
  toName: string;
  amountFen: number;
}

/** What the query answers: the view (JSON) and its edges (CSV). */
export interface FundFlowReport {
  view: FundFlowView;
  edges: FundFlowEdge[];
}
