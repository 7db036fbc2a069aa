import { Button, Card, Form, Input, Space, Statistic, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, apiCsv, query, saveBlob } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import { sortOrderOf, useCursorPages } from '../shell/cursor-pages';
import { CodeSelect } from '../shell/list-filters';
import type { ArrearsView, EntityArrears, Obligation, Obligations } from '../types';
import { EntityReportCard } from './EntityReportCard';
import { ErrorAlert } from './ErrorAlert';

interface Filter {
  county?: string;
  township?: string;
  dueBy?: string;
  /** The kind of obligation (the arrears' form); none: every kind. */
  kind?: (typeof KINDS)[number];
}

const KINDS = ['dividend', 'rent', 'guarantee', 'distribution'] as const;

/**
 * The county's overview of arrears by entity name (`GET /v1/audit/arrears`), largest first unless a
 * column header sorts it otherwise, a page at a time with the total (on the server, so the CSV comes in
 * the same order and has the pager's total of rows); an entity opens to the households it owes (its
 * obligations) and its linkage report.
 */
export function ArrearsPage({ token }: { token: string }) {
  const { t } = useT();
  const [filter, setFilter] = useState<Filter>({});
  const [data, setData] = useState<ArrearsView>();
  const [error, setError] = useState<Error>();

  const path = (f: Filter, more: Record<string, string | number | undefined> = {}) =>
    `/v1/audit/arrears${query({ county: f.county, township: f.township, dueBy: f.dueBy, kind: f.kind, ...more })}`;
  // Paged on the server; the totals above the table cover every page (the answer's `totals` and `total`).
  const fetchPage = useCallback(
    async (f: Filter, limit: number, cursor: string | undefined, sort: string | undefined) => {
      const answer = await api<ArrearsView>(path(f, { limit, cursor, sort }), { token });
      setData(answer);
      return { items: answer.entities, total: answer.total, nextCursor: answer.nextCursor };
    },
    [token],
  );
  const list = useCursorPages(fetchPage, 50);
  const load = (f: Filter) => {
    setFilter(f);
    void list.search(f);
  };

  // The CSV: every entity of the filter (the pager's total), in the table's order, with the screen's
  // headers, as of the screen's instant and due date (so its rows are the screen's, whatever was paid since).
  const exportCsv = async () => {
    if (!data) return;
    try {
      const csvPath = path(filter, { sort: list.sort, asOf: data.asOf, dueBy: data.dueBy });
      saveBlob(await apiCsv(csvPath, { token }), `arrears-${data.dueBy}.csv`);
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
  return (
    <Card title={t.arrearsCounty}>
      <Form
        layout="inline"
        onFinish={(v: Filter) =>
          load({
            county: v.county?.trim() || undefined,
            township: v.township?.trim() || undefined,
            dueBy: v.dueBy || undefined,
            kind: v.kind,
          })
        }
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
        <Form.Item name="kind" label={t.kind}>
          <CodeSelect codes={KINDS} ariaLabel={t.kind} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={list.busy}>
              {t.load}
            </Button>
            <Button disabled={!data} onClick={() => void exportCsv()}>
              {t.exportCsv}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error ?? list.error} />
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
            dataSource={list.items}
            loading={list.busy}
            onChange={list.onTableChange}
            pagination={{ ...list.pagination, showTotal: (n) => t.totalCount(n) }}
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
                sortOrder: sortOrderOf(list.sort, 'entity'),
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
                sortOrder: sortOrderOf(list.sort, 'oldestDue'),
              },
              money('dueFen', t.dueYuan),
              money('paidFen', t.paidYuan),
              {
                ...money('outstandingFen', t.outstandingYuan),
                key: 'outstanding',
                sorter: true,
                sortOrder: list.sort === undefined ? ('descend' as const) : sortOrderOf(list.sort, 'outstanding'),
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
