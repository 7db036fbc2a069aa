import { plainYuan } from '@ledger/contract';
import type { Text } from '../i18n';
import { label } from '../i18n';
import type { FundFlow } from '../types';

/** Who a household is and where it lives, for names and villages in the diagram (the flow names no household). */
export interface HouseholdPlace {
  headName: string;
  village: string;
  township: string;
}

/** What the county's fund flow adds (`leftovers`): money not (yet) turned into something for households. */
export interface Leftovers {
  undisbursedFen: number;
  unstakedFen: number;
  unpaidFen?: number;
}

export type NodeKind = 'fund_source' | 'project' | 'entity' | 'village' | 'household' | 'leftover';

export interface FlowNode {
  id: string;
  name: string;
  kind: NodeKind;
  depth: number;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
}

/** One household's share of a village node: its stake principal and interest subsidies, by entity. */
export interface VillageMember {
  householdId: string;
  headName: string;
  entityName: string;
  projectName: string;
  principalFen: number;
  subsidisedFen: number;
  dividendsFen: number;
}

export interface FlowDiagram {
  nodes: FlowNode[];
  links: FlowLink[];
  /** Households behind each village node (its id), for the drill-down. */
  villages: Map<string, VillageMember[]>;
  /** Money not with households, summed over the projects shown. */
  leftovers: Leftovers;
}

const villageKey = (p: HouseholdPlace | undefined) => (p ? `v:${p.township}/${p.village}` : 'v:?');

/**
 * The Sankey of one or more projects' flows: fund sources → projects → entities → villages, named in
 * the ledger's words, with what stayed behind drawn as its own node at the step it stopped (received
 * but not disbursed; disbursed but not turned into stakes), so the picture never looks balanced while
 * money is unaccounted for. `leftovers` from the server (the county document) win over the sums here.
 */
export function flowDiagram(
  flows: readonly FundFlow[],
  places: ReadonlyMap<string, HouseholdPlace>,
  t: Text,
  serverLeftovers?: Leftovers,
): FlowDiagram {
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  const villages = new Map<string, VillageMember[]>();
  const node = (id: string, name: string, kind: NodeKind, depth: number) => {
    if (!nodes.has(id)) nodes.set(id, { id, name, kind, depth });
    return id;
  };
  const link = (source: string, target: string, value: number) => {
    if (value <= 0) return;
    const key = `${source}|${target}`;
    const seen = links.get(key);
    if (seen) seen.value += value;
    else links.set(key, { source, target, value });
  };
  let undisbursedFen = 0;
  let unstakedFen = 0;
  for (const flow of flows) {
    const project = node(`p:${flow.project.id}`, flow.project.name, 'project', 1);
    for (const f of flow.funds)
      link(node(`f:${f.source}`, label(t, `src_${f.source}`), 'fund_source', 0), project, f.amountFen);
    const entityNames = new Map(flow.disbursements.map((d) => [d.entityId, d.entityName]));
    for (const d of flow.disbursements) link(project, node(`e:${d.entityId}`, d.entityName, 'entity', 2), d.amountFen);
    const left = flow.totals.fundsFen - flow.totals.disbursedFen;
    if (left > 0) {
      link(project, node('l:undisbursed', t.undisbursed, 'leftover', 2), left);
      undisbursedFen += left;
    }
    const stakedByEntity = new Map<string, number>();
    const dividendsByStake = new Map<string, number>();
    for (const d of flow.dividendsPaid)
      dividendsByStake.set(d.stakeId, (dividendsByStake.get(d.stakeId) ?? 0) + d.amountFen);
    for (const s of flow.stakes) {
      // Shares re-allocated (动态调整) are no new money: the principal is drawn once, to its first holder.
      if (s.transferredFrom !== undefined) continue;
      // A village collective holds a stake in a household's place: it is drawn where households are.
      const holder = 'householdId' in s ? s.householdId : s.collectiveId;
      const place = places.get(holder);
      const entity = node(`e:${s.entityId}`, entityNames.get(s.entityId) ?? s.entityId, 'entity', 2);
      const village = node(villageKey(place), place ? `${place.township}${place.village}` : t.household, 'village', 3);
      link(entity, village, s.principalFen);
      stakedByEntity.set(s.entityId, (stakedByEntity.get(s.entityId) ?? 0) + s.principalFen);
      members(villages, village).push({
        householdId: holder,
        headName: place?.headName ?? entityNames.get(holder) ?? '',
        entityName: entityNames.get(s.entityId) ?? '',
        projectName: flow.project.name,
        principalFen: s.principalFen,
        subsidisedFen: 0,
        dividendsFen: dividendsByStake.get(s.stakeId) ?? 0,
      });
    }
    for (const d of flow.disbursements) {
      const left = d.amountFen - (stakedByEntity.get(d.entityId) ?? 0);
      if (left > 0) {
        link(`e:${d.entityId}`, node('l:unstaked', t.unstaked, 'leftover', 3), left);
        unstakedFen += left;
      }
    }
    // The project's interest subsidies go to the households directly (the loans come from the bank).
    for (const c of flow.credit) {
      if (c.subsidisedFen <= 0) continue;
      const place = places.get(c.householdId);
      const village = node(villageKey(place), place ? `${place.township}${place.village}` : t.household, 'village', 3);
      link(project, village, c.subsidisedFen);
      members(villages, village).push({
        householdId: c.householdId,
        headName: place?.headName ?? '',
        entityName: '',
        projectName: flow.project.name,
        principalFen: 0,
        subsidisedFen: c.subsidisedFen,
        dividendsFen: 0,
      });
    }
  }
  // A village node says how many households it stands for.
  for (const [id, list] of villages) {
    const n = nodes.get(id);
    if (n) n.name = t.villageNode(n.name, new Set(list.map((m) => m.householdId)).size);
  }
  return {
    nodes: [...nodes.values()],
    links: [...links.values()],
    villages,
    leftovers: serverLeftovers ?? { undisbursedFen, unstakedFen },
  };
}

function members(villages: Map<string, VillageMember[]>, id: string): VillageMember[] {
  let list = villages.get(id);
  if (!list) {
    list = [];
    villages.set(id, list);
  }
  return list;
}

/**
 * A text cell as the API's CSV writes it (libs/ledger/src/http/csv.ts, which is Node-side): quoted when
 * it holds a separator, and a leading `'` when it starts like a formula, so Excel or WPS never runs it.
 */
const csvCell = (text: string) => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The diagram as CSV with Chinese headers, one row per link as drawn (what the screen shows, nothing more). */
export function flowCsv(diagram: FlowDiagram, t: Text): string {
  const names = new Map(diagram.nodes.map((n) => [n.id, n.name]));
  const header = [t.csvFrom, t.csvTo, t.amountYuan, t.csvAmountFen];
  const rows = diagram.links.map((l) => [
    names.get(l.source) ?? '',
    names.get(l.target) ?? '',
    plainYuan(l.value),
    String(l.value),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The busiest column's node count: the diagram's height grows with it so labels do not overlap. */
export function busiestColumn(diagram: FlowDiagram): number {
  const byDepth = new Map<number, number>();
  for (const n of diagram.nodes) byDepth.set(n.depth, (byDepth.get(n.depth) ?? 0) + 1);
  return Math.max(1, ...byDepth.values());
}
