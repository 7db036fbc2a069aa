import { Alert, Button, Card, Form, Space, Statistic } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { api, query } from '../api';
import { label, useT, type Text } from '../i18n';
import { formatYuan } from '../money';
import type { FundFlow } from '../types';
import { CountyFundFlowCard } from './CountyFundFlowCard';
import { ErrorAlert } from './ErrorAlert';
import { ProjectPicker } from './Pickers';

/** The Sankey diagram's nodes and links: fund sources → project → entities → households. */
export function sankeyOf(flow: FundFlow, t: Text) {
  const nodes = new Map<string, { name: string; depth: number }>();
  const links: { source: string; target: string; value: number }[] = [];
  const node = (id: string, name: string, depth: number) => {
    if (!nodes.has(id)) nodes.set(id, { name, depth });
    return id;
  };
  const project = node(`p:${flow.project.id}`, flow.project.name, 1);
  for (const f of flow.funds) {
    links.push({ source: node(`f:${f.source}`, label(t, `src_${f.source}`), 0), target: project, value: f.amountFen });
  }
  const entityNames = new Map(flow.disbursements.map((d) => [d.entityId, d.entityName]));
  for (const d of flow.disbursements) {
    links.push({ source: project, target: node(`e:${d.entityId}`, d.entityName, 2), value: d.amountFen });
  }
  const stakeHolder = new Map<string, string>();
  const byPair = new Map<string, number>();
  for (const s of flow.stakes) {
    stakeHolder.set(s.stakeId, s.householdId);
    // Shares re-allocated (动态调整) are no new money: the principal is drawn once, to its first holder.
    if (s.transferredFrom !== undefined) continue;
    node(`e:${s.entityId}`, entityNames.get(s.entityId) ?? s.entityId, 2);
    const key = `e:${s.entityId}|h:${s.householdId}`;
    byPair.set(key, (byPair.get(key) ?? 0) + s.principalFen);
  }
  for (const [key, value] of byPair) {
    const [source, target] = key.split('|');
    // The fund flow names no households: a short id keeps the diagram readable (full id in the arrears list).
    node(target, `${t.household} …${target.slice(-6)}`, 3);
    links.push({ source, target, value });
  }
  // The project's interest subsidies on micro-credit go to the households directly (the loans themselves
  // flow from the bank, not the project: they are listed with the flags, not drawn).
  for (const c of flow.credit) {
    if (c.subsidisedFen <= 0) continue;
    const target = node(`h:${c.householdId}`, `${t.household} …${c.householdId.slice(-6)}`, 3);
    links.push({ source: project, target, value: c.subsidisedFen });
  }
  return {
    nodes: [...nodes].map(([id, n]) => ({ id, name: n.name, depth: n.depth })),
    links,
  };
}

/** Per project: where its money came from and went, with the numbers on it and any unreconciled sum. */
export function FundFlowPage({ token }: { token: string }) {
  const { t } = useT();
  const [flow, setFlow] = useState<FundFlow>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const load = async ({ projectId }: { projectId: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      setFlow(await api<FundFlow>(`/v1/audit/fund-flow${query({ projectId: projectId.trim() })}`, { token }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const sankey = flow ? sankeyOf(flow, t) : undefined;
  const nameOf = (id: string) => sankey?.nodes.find((n) => n.id === id)?.name ?? id;
  const option = sankey && {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType: string; name: string; value: number; data: { source?: string; target?: string } }) =>
        p.dataType === 'edge'
          ? `${nameOf(p.data.source ?? '')} → ${nameOf(p.data.target ?? '')}<br/>${formatYuan(p.value)} 元`
          : `${nameOf(p.name)}<br/>${formatYuan(p.value)} 元`,
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 160,
        emphasis: { focus: 'adjacency' },
        nodeAlign: 'left',
        data: sankey.nodes.map((n) => ({ name: n.id, depth: n.depth })),
        links: sankey.links,
        label: { formatter: (p: { name: string; value: number }) => `${nameOf(p.name)}  ${formatYuan(p.value)}` },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.4 },
      },
    ],
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <CountyFundFlowCard token={token} />
      <Card title={t.menuFundFlow}>
        <Form layout="inline" onFinish={(v) => void load(v as { projectId: string })} style={{ marginBottom: 16 }}>
          <Form.Item name="projectId" label={t.project} rules={[{ required: true, message: t.required }]}>
            <ProjectPicker token={token} style={{ width: 380 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.load}
            </Button>
          </Form.Item>
        </Form>
        <ErrorAlert error={error} />
        {flow && option && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap size="large">
              <Statistic title={t.project} value={flow.project.name} />
              <Statistic title={t.fundsTotal} value={formatYuan(flow.totals.fundsFen)} />
              <Statistic title={t.disbursedTotal} value={formatYuan(flow.totals.disbursedFen)} />
              <Statistic title={t.stakeTotal} value={formatYuan(flow.totals.stakePrincipalFen)} />
              <Statistic title={t.dividendsTotal} value={formatYuan(flow.totals.dividendsPaidFen)} />
              {flow.credit.length > 0 && (
                <Statistic title={t.subsidisedYuan} value={formatYuan(flow.totals.subsidisedFen)} />
              )}
            </Space>
            {flow.flags.length ? (
              <Alert
                type="warning"
                showIcon
                role="alert"
                message={t.flags}
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {flow.flags.map((f, i) => (
                      <li key={i}>
                        <strong>{f.rule}</strong>：{f.detail}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert type="success" showIcon message={t.noFlags} />
            )}
            <ReactECharts option={option} style={{ height: 480 }} notMerge />
          </Space>
        )}
      </Card>
    </Space>
  );
}
