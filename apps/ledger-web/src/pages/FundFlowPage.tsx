import { Alert, Button, Card, Form, Space, Statistic, Table, Typography } from 'antd';
import type { EChartsInstance } from 'echarts-for-react';
import ReactECharts from 'echarts-for-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, query, saveBlob } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { FundFlow, Household, Page, ProjectListItem } from '../types';
import { CountyFundFlowCard } from './CountyFundFlowCard';
import { ErrorAlert } from './ErrorAlert';
import {
  busiestColumn,
  flowCsv,
  flowDiagram,
  type FlowDiagram,
  type HouseholdPlace,
  type Leftovers,
  type VillageMember,
} from './fund-flow-sankey';
import { ProjectPicker } from './Pickers';

const ROW_HEIGHT = 30;

/** Every page of a cursor list (the register, the projects): for names and places the diagram needs. */
async function everything<Item>(path: string, token: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<Item>>(`${path}${query({ limit: 500, cursor })}`, { token });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A `data:` URL as a file (decoded here: the console's CSP lets `fetch` reach only its own origin). */
function dataUrlBlob(url: string): Blob {
  const [head, data = ''] = url.split(',', 2);
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream' });
}

/**
 * The county's fund flow when the API answers it (`GET /v1/audit/fund-flow?county=`: its `leftovers`),
 * undefined where it does not (yet): the diagram then sums its leftovers from the projects' flows.
 */
async function countyLeftovers(county: string, token: string): Promise<Leftovers | undefined> {
  try {
    const doc = await api<{ leftovers?: Leftovers }>(`/v1/audit/fund-flow${query({ county })}`, { token });
    return doc.leftovers;
  } catch {
    return undefined;
  }
}

/**
 * Where the money came from and went: fund sources → projects → entities → villages, every project of
 * the county (or one), households on a village's drill-down, what stayed behind shown as such, and the
 * picture and its figures exported as PNG and CSV.
 */
export function FundFlowPage({ token }: { token: string }) {
  const { t, lang } = useT();
  const [flows, setFlows] = useState<FundFlow[]>();
  const [places, setPlaces] = useState<Map<string, HouseholdPlace>>(new Map());
  const [serverLeftovers, setServerLeftovers] = useState<Leftovers>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [village, setVillage] = useState<string>();
  const chart = useRef<EChartsInstance>(undefined);

  const load = useCallback(
    async (projectId?: string) => {
      setBusy(true);
      setError(undefined);
      setVillage(undefined);
      try {
        const projects = projectId ? [{ id: projectId }] : await everything<ProjectListItem>('/v1/projects', token);
        const [answers, households] = await Promise.all([
          Promise.all(
            projects.map((p) => api<FundFlow>(`/v1/audit/fund-flow${query({ projectId: p.id })}`, { token })),
          ),
          everything<Household>('/v1/households', token),
        ]);
        setPlaces(
          new Map(households.map((h) => [h.id, { headName: h.headName, village: h.village, township: h.township }])),
        );
        setFlows(answers);
        const county = answers[0]?.project.county;
        setServerLeftovers(!projectId && county ? await countyLeftovers(county, token) : undefined);
      } catch (e) {
        setError(e as Error);
      } finally {
        setBusy(false);
      }
    },
    [token],
  );

  useEffect(() => {
    void load();
  }, [load, lang]);

  const diagram = flows ? flowDiagram(flows, places, t, serverLeftovers) : undefined;
  const totals = flows?.reduce(
    (sum, f) => ({
      fundsFen: sum.fundsFen + f.totals.fundsFen,
      disbursedFen: sum.disbursedFen + f.totals.disbursedFen,
      stakePrincipalFen: sum.stakePrincipalFen + f.totals.stakePrincipalFen,
      dividendsPaidFen: sum.dividendsPaidFen + f.totals.dividendsPaidFen,
      subsidisedFen: sum.subsidisedFen + f.totals.subsidisedFen,
    }),
    { fundsFen: 0, disbursedFen: 0, stakePrincipalFen: 0, dividendsPaidFen: 0, subsidisedFen: 0 },
  );
  const flags = flows?.flatMap((f) => f.flags.map((flag) => ({ project: f.project.name, ...flag }))) ?? [];
  const left = diagram?.leftovers;
  const unaccounted = left ? left.undisbursedFen + left.unstakedFen + (left.unpaidFen ?? 0) : 0;

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveBlob(dataUrlBlob(url), `${t.menuFundFlow}.png`);
  };
  const exportCsv = () => {
    if (diagram) saveBlob(new Blob([flowCsv(diagram, t)], { type: 'text/csv;charset=utf-8' }), `${t.menuFundFlow}.csv`);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <CountyFundFlowCard token={token} />
      <Card
        title={t.menuFundFlow}
        extra={
          diagram && (
            <Space>
              <Button onClick={exportPng}>{t.exportPng}</Button>
              <Button onClick={exportCsv}>{t.exportCsv}</Button>
            </Space>
          )
        }
      >
        <Form
          layout="inline"
          onFinish={(v: { projectId?: string }) => void load(v.projectId?.trim() || undefined)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item name="projectId" label={t.project}>
            <ProjectPicker token={token} style={{ width: 380 }} placeholder={t.allProjects} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.load}
            </Button>
          </Form.Item>
        </Form>
        <ErrorAlert error={error} />
        {flows && totals && diagram && left && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap size="large">
              {flows.length === 1 && <Statistic title={t.project} value={flows[0].project.name} />}
              <Statistic title={t.fundsTotal} value={formatYuan(totals.fundsFen)} />
              <Statistic title={t.disbursedTotal} value={formatYuan(totals.disbursedFen)} />
              <Statistic title={t.stakeTotal} value={formatYuan(totals.stakePrincipalFen)} />
              <Statistic title={t.dividendsTotal} value={formatYuan(totals.dividendsPaidFen)} />
              {totals.subsidisedFen > 0 && (
                <Statistic title={t.subsidisedYuan} value={formatYuan(totals.subsidisedFen)} />
              )}
            </Space>
            {unaccounted > 0 && (
              <Alert
                type="warning"
                showIcon
                role="alert"
                message={t.notBalanced}
                description={
                  <Space wrap size="large">
                    <Statistic title={t.undisbursed} value={formatYuan(left.undisbursedFen)} />
                    <Statistic title={t.unstaked} value={formatYuan(left.unstakedFen)} />
                    {left.unpaidFen !== undefined && <Statistic title={t.unpaid} value={formatYuan(left.unpaidFen)} />}
                  </Space>
                }
              />
            )}
            {flags.length > 0 && (
              <Alert
                type="warning"
                showIcon
                role="alert"
                message={t.flags}
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {flags.map((f, i) => (
                      <li key={i}>
                        <strong>{f.project}</strong>：{f.detail}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {flags.length === 0 && unaccounted === 0 && <Alert type="success" showIcon message={t.noFlags} />}
            <Typography.Text type="secondary">{t.drillVillage}</Typography.Text>
            <Sankey diagram={diagram} onChart={(c) => (chart.current = c)} onVillage={setVillage} />
            {village && diagram.villages.get(village) && (
              <VillageTable
                title={diagram.nodes.find((n) => n.id === village)?.name ?? ''}
                members={diagram.villages.get(village) ?? []}
              />
            )}
          </Space>
        )}
      </Card>
    </Space>
  );
}

function Sankey(props: {
  diagram: FlowDiagram;
  onChart: (chart: EChartsInstance) => void;
  onVillage: (id: string) => void;
}) {
  const { diagram } = props;
  const names = new Map(diagram.nodes.map((n) => [n.id, n.name]));
  // Tall enough that every node of the busiest column has a label's height: labels never overlap.
  const height = Math.max(420, busiestColumn(diagram) * ROW_HEIGHT + 40);
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType: string; name: string; value: number; data: { source?: string; target?: string } }) =>
        p.dataType === 'edge'
          ? `${names.get(p.data.source ?? '') ?? ''} → ${names.get(p.data.target ?? '') ?? ''}<br/>${formatYuan(p.value)} 元`
          : `${names.get(p.name) ?? ''}<br/>${formatYuan(p.value)} 元`,
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 200,
        top: 16,
        bottom: 16,
        nodeGap: 14,
        nodeWidth: 16,
        layoutIterations: 64,
        emphasis: { focus: 'adjacency' },
        nodeAlign: 'left',
        draggable: false,
        data: diagram.nodes.map((n) => ({
          name: n.id,
          depth: n.depth,
          ...(n.kind === 'leftover' ? { itemStyle: { color: '#cf1322' } } : {}),
        })),
        links: diagram.links,
        label: {
          formatter: (p: { name: string; value: number }) => `${names.get(p.name) ?? ''}  ${formatYuan(p.value)}`,
          width: 190,
          overflow: 'truncate',
        },
        labelLayout: { hideOverlap: true },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.4 },
      },
    ],
  };
  return (
    <ReactECharts
      option={option}
      style={{ height }}
      notMerge
      onChartReady={props.onChart}
      onEvents={{
        click: (p: { dataType: string; name: string }) => {
          if (p.dataType === 'node' && p.name.startsWith('v:')) props.onVillage(p.name);
        },
      }}
    />
  );
}

/** A village's households behind the diagram: names, what they hold and were paid, ids on hover. */
function VillageTable({ title, members }: { title: string; members: VillageMember[] }) {
  const { t } = useT();
  return (
    <Card size="small" title={t.villageHouseholds(title)}>
      <Table<VillageMember>
        size="small"
        rowKey={(m, i) => `${m.householdId}/${m.entityName}/${i ?? 0}`}
        dataSource={members}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t.totalCount(n) }}
        columns={[
          {
            title: t.headName,
            dataIndex: 'headName',
            render: (name: string, m) => (
              <Typography.Link href={`#/h/${m.householdId}`} title={m.householdId}>
                {name || t.household}
              </Typography.Link>
            ),
          },
          { title: t.project, dataIndex: 'projectName' },
          { title: t.entity, dataIndex: 'entityName' },
          {
            title: t.stakePrincipalYuan,
            dataIndex: 'principalFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
            sorter: (a, b) => a.principalFen - b.principalFen,
          },
          {
            title: t.dividendsPaidYuan,
            dataIndex: 'dividendsFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
          {
            title: t.subsidisedYuan,
            dataIndex: 'subsidisedFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
        ]}
      />
    </Card>
  );
}
