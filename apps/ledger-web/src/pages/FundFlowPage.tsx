import { Alert, Button, Card, Form, Space, Statistic, Table, Typography } from 'antd';
import type { EChartsInstance } from 'echarts-for-react';
import ReactECharts from 'echarts-for-react';
import { useCallback, useRef, useState } from 'react';
import { api, query, saveBlob } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { CountyFundFlow, FundFlow, FundFlowHouseholdPlace } from '../types';
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

/** A `data:` URL as a file (decoded here: the console's CSP lets `fetch` reach only its own origin). */
function dataUrlBlob(url: string): Blob {
  const [head, data = ''] = url.split(',', 2);
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream' });
}

/**
 * Where the money came from and went: fund sources → projects → entities → villages, every project of
 * the county (or one), households on a village's drill-down, what stayed behind shown as such, and the
 * picture and its figures exported as PNG and CSV.
 */
export function FundFlowPage({ token }: { token: string }) {
  const { t } = useT();
  const [flows, setFlows] = useState<FundFlow[]>();
  const [places, setPlaces] = useState<Map<string, HouseholdPlace>>(new Map());
  /** The county's leftovers when the diagram draws a county: the county card shows them, not the diagram. */
  const [serverLeftovers, setServerLeftovers] = useState<Leftovers>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [village, setVillage] = useState<string>();
  const chart = useRef<EChartsInstance>(undefined);

  const show = useCallback((answer: FundFlow[], households: FundFlowHouseholdPlace[], leftovers?: Leftovers) => {
    setVillage(undefined);
    setPlaces(new Map(households.map((h) => [h.householdId, h])));
    setFlows(answer);
    setServerLeftovers(leftovers);
  }, []);

  // One project: one request, its flow with its households' places.
  const loadProject = useCallback(
    async (projectId: string) => {
      setBusy(true);
      setError(undefined);
      try {
        const flow = await api<FundFlow>(`/v1/audit/fund-flow${query({ projectId, detail: 'sankey' })}`, { token });
        show([flow], flow.households ?? []);
      } catch (e) {
        setError(e as Error);
      } finally {
        setBusy(false);
      }
    },
    [token, show],
  );

  // A county: the county card's one answer carries every project's flow and the households' places.
  const showCounty = useCallback(
    (county: CountyFundFlow) => show(county.projectFlows ?? [], county.households ?? [], county.leftovers),
    [show],
  );

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
  // Drawing a county, the county card owns its leftovers and flags; drawing a project, the diagram does.
  const ownsLeftovers = serverLeftovers === undefined;
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
      <CountyFundFlowCard token={token} onLoaded={showCounty} />
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
          onFinish={(v: { projectId?: string }) => {
            const projectId = v.projectId?.trim();
            if (projectId) void loadProject(projectId);
          }}
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
                  ownsLeftovers ? (
                    <Space wrap size="large">
                      <Statistic title={t.undisbursed} value={formatYuan(left.undisbursedFen)} />
                      <Statistic title={t.unstaked} value={formatYuan(left.unstakedFen)} />
                    </Space>
                  ) : (
                    t.leftoversInCountyCard
                  )
                }
              />
            )}
            {ownsLeftovers && flags.length > 0 && (
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
