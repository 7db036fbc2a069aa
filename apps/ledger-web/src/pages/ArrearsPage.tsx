import { Button, Card, Form, Input, Space, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, apiCsv, query, saveBlob } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import { sortOfTable, sortOrderOf } from '../shell/cursor-pages';
import type { ArrearsView, EntityArrears, Obligation, Obligations } from '../types';
import { EntityReportCard } from './EntityReportCard';
import { ErrorAlert } from './ErrorAlert';

interface Filter {
  county?: string;
  township?: string;
  dueBy?: string;
  /** The API's `sort`: undefined is its default, the largest outstanding first. */
  sort?: string;
}

/**
 * The county's overview of arrears by entity name (`GET /v1/audit/arrears`), largest first unless a
 * column header sorts it otherwise (on the server, so the CSV comes in the same order); an entity opens to the households it owes (its obligations) and its linkage report.
 */
export function ArrearsPage({ token }: { token: string }) {
  const { t } = useT();
  const [filter, setFilter] = useState<Filter>({});
  const [data, setData] = useState<ArrearsView>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const path = (f: Filter) =>
    `/v1/audit/arrears${query({ county: f.county, township: f.township, dueBy: f.dueBy, sort: f.sort })}`;
  const load = async (f: Filter) => {
    setBusy(true);
    setError(undefined);
    try {
      setData(await api<ArrearsView>(path(f), { token }));
      setFilter(f);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    if (!data) return;
    try {
      saveBlob(await apiCsv(path(filter), { token }), `arrears-${data.dueBy}.csv`);
    } catch (e) {
      setError(e as Error);
    }
  };

  const money = (key: 'dueFen' | 'paidFen' | 'outstandingFen', title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: (fen: number) => formatYuan(fen),
  });
  // A header click asks the server for the new order; no click yet reads the default, outstanding descending.
  const onTableChange = (_p: unknown, _f: unknown, sorter: unknown, extra: { action: string }) => {
    if (extra.action === 'sort') void load({ ...filter, sort: sortOfTable(sorter) });
  };

  return (
    <Card title={t.arrearsCounty}>
      <Form
        layout="inline"
        onFinish={(v) => void load({ ...(v as Filter), sort: filter.sort })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="county" label={t.county}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="township" label={t.township}>
          <Input style={{ width: 140 }} />
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
            <Statistic title={t.dueYuan} value={formatYuan(data.totals.dueFen)} />
            <Statistic title={t.paidYuan} value={formatYuan(data.totals.paidFen)} />
            <Statistic
              title={t.outstandingYuan}
              value={formatYuan(data.totals.outstandingFen)}
              valueStyle={{ color: data.totals.outstandingFen > 0 ? '#cf1322' : undefined }}
            />
          </Space>
          <Table<EntityArrears>
            rowKey={(r) => r.entity.id}
            dataSource={data.entities}
            loading={busy}
            onChange={onTableChange}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (r) => <EntityDrillDown token={token} entityId={r.entity.id} dueBy={data.dueBy} />,
            }}
            columns={[
              {
                title: t.entity,
                key: 'entity',
                dataIndex: ['entity', 'name'],
                sorter: true,
                sortOrder: sortOrderOf(filter.sort, 'entity'),
              },
              { title: t.township, dataIndex: ['entity', 'township'] },
              {
                title: t.householdsOwed,
                dataIndex: 'households',
                align: 'right',
              },
              {
                title: t.oldestDueOn,
                key: 'oldestDue',
                dataIndex: 'oldestDueOn',
                className: 'nowrap',
                sorter: true,
                sortOrder: sortOrderOf(filter.sort, 'oldestDue'),
              },
              money('dueFen', t.dueYuan),
              money('paidFen', t.paidYuan),
              {
                ...money('outstandingFen', t.outstandingYuan),
                key: 'outstanding',
                sorter: true,
                sortOrder: filter.sort === undefined ? ('descend' as const) : sortOrderOf(filter.sort, 'outstanding'),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** One entity's households with something outstanding (its obligations due by the same date), and its report. */
function EntityDrillDown({ token, entityId, dueBy }: { token: string; entityId: string; dueBy: string }) {
  const { t } = useT();
  const [data, setData] = useState<Obligations>();
  const [error, setError] = useState<Error>();
  const path = `/v1/entities/${encodeURIComponent(entityId)}/obligations${query({ dueBy })}`;
  useEffect(() => {
    let current = true;
    api<Obligations>(path, { token }).then(
      (d) => current && setData(d),
      (e: Error) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [path, token]);
  const exportCsv = async () => {
    try {
      saveBlob(await apiCsv(path, { token }), `obligations-${entityId}.csv`);
    } catch (e) {
      setError(e as Error);
    }
  };
  const items = data?.items.filter((i) => i.outstandingFen > 0) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card
        size="small"
        title={t.arrearsDrill}
        extra={
          <Button size="small" disabled={!data} onClick={() => void exportCsv()}>
            {t.exportCsv}
          </Button>
        }
      >
        <Table<Obligation>
          size="small"
          rowKey={(r) => `${r.linkageId}/${r.householdId}/${r.period}`}
          dataSource={items}
          loading={!data && !error}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t.kind, dataIndex: 'kind', render: (k: string) => label(t, k) },
            { title: t.household, dataIndex: 'householdId', render: (id: string) => <a href={`#/h/${id}`}>{id}</a> },
            { title: t.period, dataIndex: 'period' },
            { title: t.dueOn, dataIndex: 'dueOn' },
            {
              title: t.outstandingYuan,
              dataIndex: 'outstandingFen',
              align: 'right',
              render: (f: number) => formatYuan(f),
            },
          ]}
        />
      </Card>
      <EntityReportCard token={token} entityId={entityId} />
    </Space>
  );
}
