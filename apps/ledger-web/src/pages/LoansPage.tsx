import { Button, Card, Form, Input, Select, Space, Statistic, Table } from 'antd';
import { yearText } from '@ledger/contract';
import { useEffect, useState } from 'react';
import { api, apiCsv, query, saveBlob } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { LoanBook, LoanBookItem } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { LoanStatusTag } from './LoansCard';

/**
 * The county's loan book (`GET /v1/audit/loans`): how many households borrowed, what is still owed,
 * overdue loans first (the API's order), CSV export. A clerk sees its townships.
 */
export function LoansPage({ token }: { token: string }) {
  const { t, lang } = useT();
  const [county, setCounty] = useState<string>();
  const [data, setData] = useState<LoanBook>();
  const [error, setError] = useState<Error>();
  const [township, setTownship] = useState<string>();
  const [year, setYear] = useState<string>();
  const path = `/v1/audit/loans${query({ county })}`;

  useEffect(() => {
    setError(undefined);
    api<LoanBook>(path, { token }).then(setData, (e: Error) => setError(e));
  }, [path, token, lang]);

  const exportCsv = async () => {
    try {
      saveBlob(await apiCsv(path, { token }), `loans-${data?.on ?? ''}.csv`);
    } catch (e) {
      setError(e as Error);
    }
  };
  const money = (key: 'principalFen' | 'outstandingPrincipalFen' | 'subsidisedFen', title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: (fen: number) => formatYuan(fen),
    sorter: (a: LoanBookItem, b: LoanBookItem) => a[key] - b[key],
  });

  // The book comes whole (one county's loans); township and year narrow what the table shows.
  const townships = [...new Set(data?.items.map((i) => i.township))].sort();
  const years = [...new Set(data?.items.map((i) => i.disbursedOn.slice(0, 4)))].sort().reverse();
  const shown = data?.items.filter(
    (i) => (!township || i.township === township) && (!year || i.disbursedOn.startsWith(year)),
  );

  return (
    <Card title={t.loanBook}>
      <Form
        layout="inline"
        onFinish={(v: { county?: string }) => setCounty(v.county?.trim() || undefined)}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="county" label={t.county}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.load}
        </Button>
        <Form.Item label={t.township}>
          <Select
            aria-label={t.township}
            allowClear
            style={{ width: 160 }}
            value={township}
            onChange={setTownship}
            options={townships.map((x) => ({ value: x, label: x }))}
          />
        </Form.Item>
        <Form.Item label={t.year}>
          <Select
            aria-label={t.year}
            allowClear
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: yearText(Number(y), lang) }))}
          />
        </Form.Item>
        <Button onClick={() => void exportCsv()} disabled={!data}>
          {t.exportCsv}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {data && (
        <>
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t.loansCount} value={data.loans} />
            <Statistic title={t.householdsWithLoan} value={`${data.householdsWithLoan} / ${data.households}`} />
            <Statistic title={t.principalYuan} value={formatYuan(data.principalFen)} />
            <Statistic title={t.outstandingPrincipalYuan} value={formatYuan(data.outstandingPrincipalFen)} />
            <Statistic title={t.overdueLoans} value={data.overdue.loans} valueStyle={{ color: '#cf1322' }} />
            <Statistic title={t.overduePrincipalYuan} value={formatYuan(data.overdue.principalFen)} />
            <Statistic title={t.subsidisedYuan} value={formatYuan(data.subsidisedFen)} />
          </Space>
          <Table<LoanBookItem>
            rowKey="loanId"
            dataSource={shown}
            size="small"
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (n) => t.totalCount(n),
            }}
            scroll={{ x: 1100 }}
            columns={[
              {
                title: t.loanStatus,
                dataIndex: 'status',
                render: (s: LoanBookItem['status']) => <LoanStatusTag status={s} />,
              },
              {
                title: t.household,
                key: 'household',
                sorter: (a, b) => a.household.registrationNo.localeCompare(b.household.registrationNo),
                render: (_, i) => (
                  <a href={`#/h/${encodeURIComponent(i.household.id)}`} title={i.household.id}>
                    {i.household.headName}（{i.household.registrationNo}）
                  </a>
                ),
              },
              { title: t.township, dataIndex: 'township' },
              { title: t.lender, dataIndex: 'lender' },
              { title: t.contractNo, dataIndex: 'contractNo', render: (v?: string) => v ?? '—' },
              {
                title: t.loanUse,
                key: 'use',
                render: (_, i) => (i.entity ? `${label(t, i.use)} · ${i.entity.name}` : label(t, i.use)),
              },
              {
                title: t.disbursedOn,
                dataIndex: 'disbursedOn',
                className: 'nowrap',
                sorter: (a, b) => a.disbursedOn.localeCompare(b.disbursedOn),
              },
              {
                title: t.maturesOn,
                dataIndex: 'maturesOn',
                className: 'nowrap',
                sorter: (a, b) => a.maturesOn.localeCompare(b.maturesOn),
              },
              money('principalFen', t.principalYuan),
              money('outstandingPrincipalFen', t.outstandingPrincipalYuan),
              money('subsidisedFen', t.subsidisedYuan),
            ]}
          />
        </>
      )}
    </Card>
  );
}
