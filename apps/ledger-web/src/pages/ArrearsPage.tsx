import { Button, Card, Form, Input, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { api, apiCsv, query, saveBlob } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { Obligation, Obligations } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { EntityPicker } from './Pickers';

/** What an entity still owes households (dividends declared, rents due), sortable and exportable. */
export function ArrearsPage({ token }: { token: string }) {
  const { t } = useT();
  const [data, setData] = useState<Obligations>();
  const [path, setPath] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const load = async (v: { entityId: string; dueBy?: string }) => {
    const p = `/v1/entities/${encodeURIComponent(v.entityId.trim())}/obligations${query({ dueBy: v.dueBy })}`;
    setBusy(true);
    setError(undefined);
    try {
      setData(await api<Obligations>(p, { token }));
      setPath(p);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    if (!path || !data) return;
    try {
      saveBlob(await apiCsv(path, { token }), `obligations-${data.entity.id}.csv`);
    } catch (e) {
      setError(e as Error);
    }
  };

  const items = data?.items.filter((i) => i.outstandingFen > 0) ?? [];
  const money = (key: 'dueFen' | 'paidFen' | 'outstandingFen', title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    sorter: (a: Obligation, b: Obligation) => a[key] - b[key],
    render: (fen: number) => formatYuan(fen),
  });

  return (
    <Card title={t.menuArrears}>
      <Form
        layout="inline"
        onFinish={(v) => void load(v as { entityId: string })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="entityId" label={t.entity} rules={[{ required: true, message: t.required }]}>
          <EntityPicker token={token} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item name="dueBy" label={t.dueBy}>
          <Input type="date" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.load}
            </Button>
            <Button disabled={!data} onClick={() => void exportCsv()}>
              {t.exportCsv}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {data && (
        <>
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t.entity} value={data.entity.name} />
            <Statistic title={t.dueYuan} value={formatYuan(data.totals.dueFen)} />
            <Statistic title={t.paidYuan} value={formatYuan(data.totals.paidFen)} />
            <Statistic
              title={t.outstandingYuan}
              value={formatYuan(data.totals.outstandingFen)}
              valueStyle={{ color: data.totals.outstandingFen > 0 ? '#cf1322' : undefined }}
            />
          </Space>
          <Table<Obligation>
            rowKey={(r) => `${r.linkageId}/${r.householdId}/${r.period}`}
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t.kind, dataIndex: 'kind', render: (k: string) => label(t, k) },
              {
                title: t.household,
                dataIndex: 'householdId',
                render: (id: string) => <a href={`#/h/${id}`}>{id}</a>,
              },
              { title: t.period, dataIndex: 'period', sorter: (a, b) => a.period.localeCompare(b.period) },
              {
                title: t.dueOn,
                dataIndex: 'dueOn',
                defaultSortOrder: 'ascend',
                sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
              },
              money('dueFen', t.dueYuan),
              money('paidFen', t.paidYuan),
              money('outstandingFen', t.outstandingYuan),
            ]}
          />
        </>
      )}
    </Card>
  );
}
