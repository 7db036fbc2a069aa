import { Alert, Button, Card, Form, Input, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { api, query } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { CountyFundFlow } from '../types';
import { ErrorAlert } from './ErrorAlert';

type ProjectRow = CountyFundFlow['projects'][number];

/**
 * The county's fund flow (`GET /v1/audit/fund-flow?county=&detail=sankey`): its projects summed, and
 * what is left at each step. Nothing reads as balanced while money is left over: the leftovers are
 * what to explain, and this card is the one place that shows the county's. The same answer carries
 * every project's flow and its households' places, which it hands to the page's diagram (`onLoaded`).
 */
export function CountyFundFlowCard({ token, onLoaded }: { token: string; onLoaded?: (flow: CountyFundFlow) => void }) {
  const { t } = useT();
  const [flow, setFlow] = useState<CountyFundFlow>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const load = async ({ county }: { county: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<CountyFundFlow>(
        `/v1/audit/fund-flow${query({ county: county.trim(), detail: 'sankey' })}`,
        { token },
      );
      setFlow(answer);
      onLoaded?.(answer);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const left = flow?.leftovers;
  const leftOver = left ? left.undisbursedFen !== 0 || left.unstakedFen !== 0 || left.unpaidFen !== 0 : false;
  const yuan = (pick: (r: ProjectRow) => number) => ({
    align: 'right' as const,
    render: (_: unknown, r: ProjectRow) => formatYuan(pick(r)),
  });

  return (
    <Card title={t.countyFlow}>
      <Form layout="inline" onFinish={(v) => void load(v as { county: string })} style={{ marginBottom: 16 }}>
        <Form.Item name="county" label={t.county} rules={[{ required: true, message: t.required }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.load}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {flow && left && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap size="large">
            <Statistic title={t.fundsTotal} value={formatYuan(flow.totals.fundsFen)} />
            <Statistic title={t.disbursedTotal} value={formatYuan(flow.totals.disbursedFen)} />
            <Statistic title={t.stakeTotal} value={formatYuan(flow.totals.stakePrincipalFen)} />
            <Statistic title={t.dividendsTotal} value={formatYuan(flow.totals.dividendsPaidFen)} />
            <Statistic title={t.subsidisedYuan} value={formatYuan(flow.totals.subsidisedFen)} />
          </Space>
          <Space wrap size="large">
            <Statistic title={t.undisbursed} value={formatYuan(left.undisbursedFen)} />
            <Statistic title={t.unstaked} value={formatYuan(left.unstakedFen)} />
            <Statistic title={t.unpaidDividends} value={formatYuan(left.unpaidFen)} />
          </Space>
          {leftOver && <Alert type="info" showIcon message={t.leftoversNote} />}
          {flow.flags.length > 0 && (
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
          )}
          {!leftOver && flow.flags.length === 0 && <Alert type="success" showIcon message={t.noFlags} />}
          <Table<ProjectRow>
            size="small"
            rowKey="projectId"
            title={() => t.byProject}
            dataSource={flow.projects}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t.project, dataIndex: 'projectName' },
              {
                title: t.assistanceModel,
                dataIndex: 'assistanceModel',
                render: (m?: string) => (m ? label(t, `model_${m}`) : ''),
              },
              { title: t.fundsTotal, ...yuan((r) => r.totals.fundsFen) },
              { title: t.disbursedTotal, ...yuan((r) => r.totals.disbursedFen) },
              { title: t.stakeTotal, ...yuan((r) => r.totals.stakePrincipalFen) },
              { title: t.dividendsTotal, ...yuan((r) => r.totals.dividendsPaidFen) },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
