import type { FundSource } from '../../projects/project.events';
import { isCollectiveId } from '../../stakes/stake-holder';
import type { CreditFlow } from '../fund-flow.credit';
import type { DisbursementFigure, DividendPaidFigure, FundFigure, StakeFigure } from '../fund-flow.figures';
import type { FundFlowNames } from './read-fund-flow';
import type { FundFlowEdge, FundFlowView } from './fund-flow.view';

const SOURCE_NAMES: Record<FundSource, { zh: string; en: string }> = {
  central: { zh: '中央财政专项扶贫资金', en: 'Central fiscal poverty-alleviation funds' },
  provincial: { zh: '省级财政专项扶贫资金', en: 'Provincial fiscal poverty-alleviation funds' },
  municipal: { zh: '市级财政专项扶贫资金', en: 'Municipal fiscal poverty-alleviation funds' },
  county: { zh: '县级财政专项扶贫资金', en: 'County fiscal poverty-alleviation funds' },
  social: { zh: '社会投资', en: 'Social investment' },
  credit: { zh: '扶贫小额信贷', en: 'Poverty micro-credit' },
};

/** A fund source as people read it. */
export const fundSourceName = (source: FundSource, lang: 'zh' | 'en' = 'zh'): string => SOURCE_NAMES[source][lang];

/** The parts of the view the edges are drawn from. */
export interface FundFlowSteps {
  project: FundFlowView['project'];
  funds: readonly FundFigure[];
  disbursements: readonly DisbursementFigure[];
  stakes: readonly StakeFigure[];
  dividendsPaid: readonly DividendPaidFigure[];
  /** Micro-credit the project subsidises (none when left out). */
  credit?: readonly CreditFlow[];
}

/**
 * The flow as edges, one CSV row each: fund source → project (funds), project → entity
 * (disbursement), entity → household or village collective (a fiscal-fund stake's principal; the
 * dividends paid on it);
 * and for micro-credit the project subsidises: the bank's credit → household (loan), household →
 * entity (the stakes naming the loan), household or entity → credit (repayments, principal and
 * interest), project → household (subsidy).
 */
export function fundFlowEdges(view: FundFlowSteps, names: FundFlowNames, lang: 'zh' | 'en' = 'zh'): FundFlowEdge[] {
  const { project } = view;
  const entityName = (id: string) =>
    names.entities[id] ?? view.disbursements.find((d) => d.entityId === id)?.entityName ?? '';
  const householdName = (id: string) => names.households[id] ?? '';
  const stakeEntity = new Map(view.stakes.map((s) => [s.stakeId, s.entityId]));
  const stakeHolder = new Map(view.stakes.map((s) => [s.stakeId, s.householdId]));
  // A village collective holds a stake in a household's place (its id is an entity's): named as itself.
  const household = (id: string) =>
    isCollectiveId(id)
      ? { kind: 'collective' as const, id, name: entityName(id) }
      : { kind: 'household' as const, id, name: householdName(id) };
  const entity = (id: string) => ({ kind: 'entity' as const, id, name: entityName(id) });
  const lenderNode = (lender: string) => ({
    kind: 'fund_source' as const,
    id: 'credit',
    name: `${lender}（${fundSourceName('credit', lang)}）`,
  });
  const edge = (
    kind: FundFlowEdge['edge'],
    from: { kind: FundFlowEdge['fromKind']; id: string; name: string },
    to: { kind: FundFlowEdge['toKind']; id: string; name: string },
    amountFen: number,
  ): FundFlowEdge => ({
    edge: kind,
    fromKind: from.kind,
    fromId: from.id,
    fromName: from.name,
    toKind: to.kind,
    toId: to.id,
    toName: to.name,
    amountFen,
  });
  const projectNode = { kind: 'project' as const, id: project.id, name: project.name };
  const credit = (view.credit ?? []).flatMap((c): FundFlowEdge[] => {
    const repaidFen = c.repaidPrincipalFen + c.interestRepaidFen;
    return [
      edge('loan', lenderNode(c.lender), household(c.householdId), c.principalFen),
      ...(c.entityId !== undefined && c.investedFen > 0
        ? [edge('loan_stake', household(c.householdId), entity(c.entityId), c.investedFen)]
        : []),
      ...(c.entityId !== undefined && c.repaidByEntityFen > 0
        ? [edge('repayment', entity(c.entityId), lenderNode(c.lender), c.repaidByEntityFen)]
        : []),
      ...(repaidFen - c.repaidByEntityFen > 0
        ? [edge('repayment', household(c.householdId), lenderNode(c.lender), repaidFen - c.repaidByEntityFen)]
        : []),
      ...(c.subsidisedFen > 0 ? [edge('subsidy', projectNode, household(c.householdId), c.subsidisedFen)] : []),
    ];
  });
  return [
    ...view.funds.map((f): FundFlowEdge => ({
      edge: 'funds',
      fromKind: 'fund_source',
      fromId: f.source,
      fromName: fundSourceName(f.source, lang),
      toKind: 'project',
      toId: project.id,
      toName: project.name,
      amountFen: f.amountFen,
    })),
    ...view.disbursements.map((d): FundFlowEdge => ({
      edge: 'disbursement',
      fromKind: 'project',
      fromId: project.id,
      fromName: project.name,
      toKind: 'entity',
      toId: d.entityId,
      toName: d.entityName,
      amountFen: d.amountFen,
    })),
    ...view.stakes.map((s): FundFlowEdge => {
      // Shares re-allocated (动态调整) move from the old holder to the new: no new money, so the CSV's
      // stake edges still add up to the principal bought.
      const from = s.transferredFrom === undefined ? undefined : stakeHolder.get(s.transferredFrom);
      return from === undefined
        ? edge('stake', entity(s.entityId), household(s.householdId), s.principalFen)
        : edge('transfer', household(from), household(s.householdId), s.principalFen);
    }),
    ...view.dividendsPaid.map((d) =>
      edge('dividend', entity(stakeEntity.get(d.stakeId) ?? ''), household(d.householdId), d.amountFen),
    ),
    ...credit,
  ];
}
