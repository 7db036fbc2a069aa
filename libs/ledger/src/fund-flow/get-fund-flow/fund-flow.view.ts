import type { AssistanceModel, ProjectIndustry } from '../../projects/project.events';
import type { DistributionFigure } from '../fund-flow.collectives';
import type { CreditFlow } from '../fund-flow.credit';
import type {
  DisbursementFigure,
  DividendPaidFigure,
  FundFigure,
  FundFlowFlag,
  FundFlowTotals,
  StakeFigure,
} from '../fund-flow.figures';
import type { Fen, SignedFen } from '../../primitives/money';

/** A figure whose holder is a household (`householdId`) or a village collective (`collectiveId`). */
export type HolderNamed<Figure extends { householdId: string }> = Omit<Figure, 'householdId'> &
  ({ householdId: string } | { collectiveId: string });

/** One guarantee top-up (保底补足) of a stake the project's money bought. */
export interface GuaranteeTopupFigure {
  stakeId: string;
  householdId: string;
  period: string;
  payer: 'entity' | 'project';
  projectId?: string;
  amountFen: Fen;
}

/** `GET /v1/audit/fund-flow`: one project's money from its sources to the households (资金流向). */
export interface FundFlowView {
  project: {
    id: string;
    name: string;
    industry: ProjectIndustry;
    county: string;
    operatorId?: string;
    assistanceModel?: AssistanceModel;
  };
  /** Funds received, by source. */
  funds: FundFigure[];
  /** What the project disbursed, by entity. */
  disbursements: DisbursementFigure[];
  /** The fiscal-fund stakes bought with the project's money (a collective's with `collectiveId`). */
  stakes: HolderNamed<StakeFigure>[];
  /** Dividends paid (not reversed) attributed to those stakes. */
  dividendsPaid: HolderNamed<DividendPaidFigure>[];
  /** The distributions (二次分配) of the collectives holding those stakes. */
  distributions: DistributionFigure[];
  /** Guarantee top-ups (保底补足) on those stakes, apart from dividends. */
  guaranteeTopups: GuaranteeTopupFigure[];
  /** Poverty micro-credit whose interest the project subsidises: each loan from the bank to the household, into the entity and back. */
  credit: CreditFlow[];
  /** `subsidisedFen`: the project's interest subsidies on those loans, not reversed. */
  totals: FundFlowTotals & { subsidisedFen: Fen; guaranteeTopupsFen: Fen; distributedFen: Fen };
  /** Every step whose money exceeds its source. */
  flags: FundFlowFlag[];
  /** With `detail=sankey`: where each household of the flow lives, to draw entity → village links. */
  households?: FundFlowHouseholdPlace[];
}

/** A household the flow reaches, named and placed (its village and township), for the console's diagram. */
export interface FundFlowHouseholdPlace {
  householdId: string;
  headName: string;
  village: string;
  township: string;
}

/** `collective`: a village collective holding a stake in a household's place (its id is an entity's). */
export type NodeKind = 'fund_source' | 'project' | 'entity' | 'household' | 'collective';

/** One edge of the flow, as a CSV row. */
export interface FundFlowEdge {
  edge: 'funds' | 'disbursement' | 'stake' | 'transfer' | 'dividend' | 'loan' | 'loan_stake' | 'repayment' | 'subsidy';
  fromKind: NodeKind;
  fromId: string;
  fromName: string;
  toKind: NodeKind;
  toId: string;
  toName: string;
  amountFen: Fen;
}

/** One project in the county's document: its name and model, and its totals. */
export interface CountyProjectFigure {
  projectId: string;
  projectName: string;
  assistanceModel?: AssistanceModel;
  totals: FundFlowView['totals'];
}

/** What is left at each step of the county's money (the auditor's first questions). */
export interface FundFlowLeftovers {
  /** Funds received − disbursed: money still with the projects. */
  undisbursedFen: SignedFen;
  /** Disbursed to entities − principal of the fiscal-fund stakes bought with it (a transferred stake counted once). */
  unstakedFen: SignedFen;
  /** Dividends allocated to the fiscal-fund stakes − dividends paid on them (net of reversals and returns); top-ups are not allocations. */
  unpaidFen: SignedFen;
}

/**
 * `GET /v1/audit/fund-flow?county=`: every project of the county summed (funds by source, disbursements
 * by entity, every fiscal-fund stake, dividend and top-up), the interest subsidies the county pays
 * itself (loans whose subsidy names no project), and the leftovers.
 */
export interface CountyFundFlowView {
  county: string;
  projects: CountyProjectFigure[];
  funds: FundFlowView['funds'];
  disbursements: FundFlowView['disbursements'];
  /** Every fiscal-fund stake of the county's projects, with its project. */
  stakes: (FundFlowView['stakes'][number] & { projectId: string })[];
  dividendsPaid: FundFlowView['dividendsPaid'];
  /** The distributions of the collectives holding those stakes, each once. */
  distributions: FundFlowView['distributions'];
  guaranteeTopups: FundFlowView['guaranteeTopups'];
  /** The projects' subsidised loans, then the county's own. */
  credit: FundFlowView['credit'];
  /** Summed over the projects; `subsidisedFen` adds the county's own interest subsidies, `countySubsidisedFen` says how much of it that is. */
  totals: FundFlowView['totals'] & { countySubsidisedFen: Fen };
  leftovers: FundFlowLeftovers;
  /** Every project's flags, each naming its project, and the county's credit flags. */
  flags: FundFlowView['flags'];
  /** With `detail=sankey`: every project's own flow, as `?projectId=` answers it, in `projects`' order. */
  projectFlows?: FundFlowView[];
  /** With `detail=sankey`: where each household of the county's flows lives. */
  households?: FundFlowHouseholdPlace[];
}

/** What the query answers: the view (JSON) and its edges (CSV), for one project or a county. */
export type FundFlowReport =
  | { kind: 'project'; view: FundFlowView; edges: FundFlowEdge[] }
  | { kind: 'county'; view: CountyFundFlowView; edges: FundFlowEdge[] };
