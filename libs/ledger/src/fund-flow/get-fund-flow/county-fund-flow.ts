import type { Pool } from 'pg';
import {
  FUND_SOURCES,
  type AssistanceModel,
  type FundSource,
  type ProjectIndustry,
} from '../../projects/project.events';
import { creditFigures } from '../fund-flow.credit';
import { fundFlowEdges, fundSourceName } from './fund-flow.edges';
import type { CountyFundFlowView, FundFlowEdge, FundFlowReport, FundFlowView } from './fund-flow.view';
import { projectFlowFrom, type ProjectFundFlow } from './project-fund-flow';
import { readCountySubsidisedCredit, readFundFlows } from './read-fund-flow';
import type { FundFlowDetail } from './get-fund-flow.dto';
import { householdPlaces } from './household-places';

const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);

/**
 * The county's fund flow: every project registered in the county (by name), each traced as its own
 * flow is, then summed; the interest subsidies the county pays itself; and what is left at each step.
 * Every project is read in one snapshot, by a fixed number of set-based queries whatever their count.
 */
export async function countyFundFlow(
  pool: Pool,
  county: string,
  lang: 'zh' | 'en',
  detail?: FundFlowDetail,
): Promise<FundFlowReport> {
  const { rows } = await pool.query<{
    project_id: string;
    name: string;
    industry: ProjectIndustry;
    operator_id: string | null;
    assistance_model: AssistanceModel | null;
  }>(
    `select project_id, name, industry, operator_id, assistance_model
       from project_list where county = $1 order by name, project_id`,
    [county],
  );
  // Every project in one read (one snapshot, a fixed number of set-based queries), then each traced.
  const inputs = await readFundFlows(
    pool,
    rows.map((r) => r.project_id),
  );
  const flows = rows.map((r) =>
    projectFlowFrom(
      {
        id: r.project_id,
        name: r.name,
        industry: r.industry,
        county,
        ...(r.operator_id === null ? {} : { operatorId: r.operator_id }),
        ...(r.assistance_model === null ? {} : { assistanceModel: r.assistance_model }),
      },
      // readFundFlows answers every project asked for.
      inputs.get(r.project_id)!,
      lang,
    ),
  );
  const countyCredit = await readCountySubsidisedCredit(pool, county);
  const names = await householdNames(
    pool,
    countyCredit.loans.map((l) => l.householdId),
  );
  const householdName = (id: string) => (names[id] === undefined ? id : `${names[id]} (${id})`);
  const own = creditFigures(countyCredit, householdName, lang);
  const view = countyView(county, flows, own);
  // The county's own subsidies come from the county's fiscal funds, not from a project.
  const countyNode = { fromKind: 'fund_source' as const, fromId: 'county', fromName: fundSourceName('county', lang) };
  const ownEdges = fundFlowEdges(
    {
      project: { id: 'county', name: county, industry: 'planting', county },
      funds: [],
      disbursements: [],
      stakes: [],
      dividendsPaid: [],
      credit: own.credit,
    },
    { entities: {}, households: names, declarations: {} },
    lang,
  ).map((e): FundFlowEdge => (e.fromKind === 'project' ? { ...e, ...countyNode } : e));
  const edges = [...flows.flatMap((f) => f.edges), ...ownEdges];
  if (detail !== 'sankey') return { kind: 'county', view, edges };
  const projectFlows = flows.map((f) => f.view);
  return {
    kind: 'county',
    view: { ...view, projectFlows, households: await householdPlaces(pool, [...projectFlows, view]) },
    edges,
  };
}

/** The county's document from its projects' flows and the county's own subsidised credit. Pure. */
export function countyView(
  county: string,
  flows: readonly Pick<ProjectFundFlow, 'view' | 'allocatedFen'>[],
  own: { credit: FundFlowView['credit']; subsidisedFen: number; flags: FundFlowView['flags'] },
): CountyFundFlowView {
  const views = flows.map((f) => f.view);
  const bySource = new Map<FundSource, number>();
  for (const f of views.flatMap((v) => v.funds)) bySource.set(f.source, (bySource.get(f.source) ?? 0) + f.amountFen);
  const byEntity = new Map<string, FundFlowView['disbursements'][number]>();
  for (const d of views.flatMap((v) => v.disbursements)) {
    const seen = byEntity.get(d.entityId);
    byEntity.set(d.entityId, seen ? { ...seen, amountFen: seen.amountFen + d.amountFen } : { ...d });
  }
  const total = (pick: (t: FundFlowView['totals']) => number) => sum(views.map((v) => pick(v.totals)));
  // A collective funded by several projects has its distributions listed under each: count each once.
  const distributions = [...new Map(views.flatMap((v) => v.distributions).map((d) => [d.distributionId, d])).values()];
  const totals = {
    fundsFen: total((t) => t.fundsFen),
    disbursedFen: total((t) => t.disbursedFen),
    stakePrincipalFen: total((t) => t.stakePrincipalFen),
    dividendsPaidFen: total((t) => t.dividendsPaidFen),
    subsidisedFen: total((t) => t.subsidisedFen) + own.subsidisedFen,
    guaranteeTopupsFen: total((t) => t.guaranteeTopupsFen),
    distributedFen: sum(distributions.map((d) => d.poolFen)),
    countySubsidisedFen: own.subsidisedFen,
  };
  return {
    county,
    projects: views.map((v) => ({
      projectId: v.project.id,
      projectName: v.project.name,
      ...(v.project.assistanceModel === undefined ? {} : { assistanceModel: v.project.assistanceModel }),
      totals: v.totals,
    })),
    funds: FUND_SOURCES.filter((s) => bySource.has(s)).map((source) => ({
      source,
      amountFen: bySource.get(source) ?? 0,
    })),
    disbursements: [...byEntity.values()],
    stakes: views.flatMap((v) => v.stakes.map((s) => ({ ...s, projectId: v.project.id }))),
    dividendsPaid: views.flatMap((v) => v.dividendsPaid),
    distributions,
    guaranteeTopups: views.flatMap((v) => v.guaranteeTopups),
    credit: [...views.flatMap((v) => v.credit), ...own.credit],
    totals,
    leftovers: {
      undisbursedFen: totals.fundsFen - totals.disbursedFen,
      unstakedFen: totals.disbursedFen - totals.stakePrincipalFen,
      unpaidFen: sum(flows.map((f) => f.allocatedFen)) - totals.dividendsPaidFen,
    },
    flags: [
      ...views.flatMap((v) => v.flags.map((f) => ({ ...f, detail: `「${v.project.name}」${f.detail}` }))),
      ...own.flags,
    ],
  };
}

async function householdNames(pool: Pool, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const { rows } = await pool.query<{ household_id: string; head_name: string }>(
    'select household_id, head_name from fund_flow_households where household_id = any($1)',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.household_id, r.head_name]));
}
