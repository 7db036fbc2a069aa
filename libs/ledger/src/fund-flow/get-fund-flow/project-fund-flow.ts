import type { Pool } from 'pg';
import { creditFigures } from '../fund-flow.credit';
import { fundFlowFigures } from '../fund-flow.figures';
import { distributionFlags, withHolderNamed } from '../fund-flow.collectives';
import { fundFlowEdges } from './fund-flow.edges';
import type { FundFlowEdge, FundFlowView } from './fund-flow.view';
import { readFundFlow, type FundFlowNames, type ProjectFundFlowInput } from './read-fund-flow';

/** One project's flow, with what the county's document adds up from it. */
export interface ProjectFundFlow {
  view: FundFlowView;
  edges: FundFlowEdge[];
  names: FundFlowNames;
  /** Dividends allocated to the project's fiscal-fund stakes (the county's `unpaidFen` starts from it). */
  allocatedFen: number;
}

/** Traces one project's money (see projectFlowFrom), read on its own. */
export async function projectFundFlow(
  pool: Pool,
  project: FundFlowView['project'],
  lang: 'zh' | 'en',
): Promise<ProjectFundFlow> {
  return projectFlowFrom(project, await readFundFlow(pool, project.id), lang);
}

/**
 * Traces one project's money from its figures as read: funds received, disbursed to entities, turned
 * into fiscal-fund stakes for households, paid out to them as dividends and top-ups, and the
 * micro-credit it subsidises, flagging every step that exceeds its source. Pure.
 */
export function projectFlowFrom(
  project: FundFlowView['project'],
  read: ProjectFundFlowInput,
  lang: 'zh' | 'en',
): ProjectFundFlow {
  const { names, creditInput, guaranteeTopups, distributions, ...input } = read;
  const { dividendsPaid, totals, flags } = fundFlowFigures({ ...input, names }, lang);
  const householdName = (id: string) => (names.households[id] === undefined ? id : `${names.households[id]} (${id})`);
  const credit = creditFigures(creditInput, householdName, lang);
  const figures = {
    project,
    funds: [...input.funds],
    disbursements: [...input.disbursements],
    stakes: [...input.stakes],
    dividendsPaid,
    distributions,
    guaranteeTopups,
    credit: credit.credit,
    totals: {
      ...totals,
      subsidisedFen: credit.subsidisedFen,
      guaranteeTopupsFen: guaranteeTopups.reduce((sum, t) => sum + t.amountFen, 0),
      distributedFen: distributions.reduce((sum, d) => sum + d.poolFen, 0),
    },
    flags: [...flags, ...credit.flags, ...distributionFlags(distributions, (id) => names.entities[id] ?? id, lang)],
  };
  // The edges read every holder's id as it is kept; the view names a collective as the contract does.
  const view: FundFlowView = {
    ...figures,
    stakes: figures.stakes.map(withHolderNamed),
    dividendsPaid: figures.dividendsPaid.map(withHolderNamed),
  };
  const stakeIds = new Set(input.stakes.map((s) => s.stakeId));
  const allocatedFen = input.allocations
    .filter((a) => stakeIds.has(a.stakeId))
    .reduce((sum, a) => sum + a.amountFen, 0);
  return { view, edges: fundFlowEdges(figures, names, lang), names, allocatedFen };
}
