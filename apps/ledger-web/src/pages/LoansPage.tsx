import { Button, Card, Form, Input, Select, Space, Statistic, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, apiCsv, query, saveBlob } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import { sortOrderOf, useCursorPages } from '../shell/cursor-pages';
import { YearSelect } from '../shell/list-filters';
import type { LoanBook, LoanBookItem } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { LoanStatusTag } from './LoansCard';

/** The loan book's filters, all applied by the API. */
interface Filter {
  county?: string;
  township?: string;
  village?: string;
  status?: LoanBookItem['status'];
  year?: number;
}

const STATUSES: LoanBookItem['status'][] = ['overdue', 'active', 'repaid'];

const path = (f: Filter, more: Record<string, string | number | undefined> = {}) =>
  `/v1/audit/loans${query({
    county: f.county,
    township: f.township,
    village: f.village,
    status: f.status,
    year: f.year,
    ...more,
  })}`;

/**
 * The county's loan book (`GET /v1/audit/loans`): how many households borrowed, what is still owed (over
 * the whole filter), the loans a page at a time, filtered and sorted by the server (overdue loans first
 * unless a column header says otherwise), CSV export in the same order. A clerk sees its townships.
 */
export function LoansPage({ token }: { token: string }) {
  const { t, lang } = useT();
  const [book, setBook] = useState<LoanBook>();
  const [filter, setFilter] = useState<Filter>({});
  const [error, setError] = useState<Error>();
  const fetchPage = useCallback(
    async (f: Filter, limit: number, cursor: string | undefined, sort: string | undefined) => {
      const answer = await api<LoanBook>(path(f, { limit, cursor, sort }), { token });
      // The summary figures cover the whole filter; the table shows the page.
      setBook(answer);
      return answer;
    },
    [token],
  );
  const list = useCursorPages(fetchPage);
  const { search } = list;
  useEffect(() => {
    void search(filter);
  }, [filter, token, lang]);

  const exportCsv = async () => {
    try {
      saveBlob(await apiCsv(path(filter, { sort: list.sort }), { token }), `loans-${book?.on ?? ''}.csv`);
    } catch (e) {
      setError(e as Error);
    }
  };
  const money = (key: 'principalFen' | 'outstandingPrincipalFen' | 'subsidisedFen', title: string, sort?: string) => ({
    title,
    dataIndex: key,
    key: sort ?? key,
    align: 'right' as const,
    render: (fen: number) => formatYuan(fen),
    ...(sort ? { sorter: true, sortOrder: sortOrderOf(list.sort, sort) } : {}),
  });
  const thisYear = Number((book?.on ?? new Date().toISOString()).slice(0, 4));

  return (
    <Card title={t.loanBook}>
      <Form
        layout="inline"
        onFinish={(v: { county?: string; township?: string; village?: string }) =>
          setFilter((f) => ({
            ...f,
            county: v.county?.trim() || undefined,
            township: v.township?.trim() || undefined,
            village: v.village?.trim() || undefined,
          }))
        }
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="county" label={t.county}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="township" label={t.township}>
          <Input allowClear aria-label={t.township} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="village" label={t.village}>
          <Input allowClear aria-label={t.village} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.load}
        </Button>
        <Form.Item label={t.loanStatus}>
          <Select
            aria-label={t.loanStatus}
            allowClear
            style={{ width: 120 }}
            value={filter.status}
            onChange={(status?: Filter['status']) => setFilter((f) => ({ ...f, status }))}
            options={STATUSES.map((x) => ({ value: x, label: label(t, x) }))}
          />
        </Form.Item>
        <Form.Item label={t.year}>
          <YearSelect thisYear={thisYear} value={filter.year} onChange={(year) => setFilter((f) => ({ ...f, year }))} />
        </Form.Item>
        <Button onClick={() => void exportCsv()} disabled={!book}>
          {t.exportCsv}
        </Button>
      </Form>
      <ErrorAlert error={error ?? list.error} />
      {book && (
        <>
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t.loansCount} value={book.loans} />
            <Statistic title={t.householdsWithLoan} value={`${book.householdsWithLoan} / ${book.households}`} />
            <Statistic title={t.principalYuan} value={formatYuan(book.principalFen)} />
            <Statistic title={t.outstandingPrincipalYuan} value={formatYuan(book.outstandingPrincipalFen)} />
            <Statistic title={t.overdueLoans} value={book.overdue.loans} valueStyle={{ color: '#cf1322' }} />
            <Statistic title={t.overduePrincipalYuan} value={formatYuan(book.overdue.principalFen)} />
            <Statistic title={t.subsidisedYuan} value={formatYuan(book.subsidisedFen)} />
          </Space>
          <Table<LoanBookItem>
            rowKey="loanId"
            dataSource={list.items}
            loading={list.busy}
            size="small"
            pagination={{ ...list.pagination, showTotal: (n) => t.totalCount(n) }}
            onChange={list.onTableChange}
            scroll={{ x: 1100 }}
            columns={[
              {
                title: t.loanStatus,
                dataIndex: 'status',
                key: 'overdueFirst',
                sorter: true,
                sortOrder: list.sort === undefined ? 'ascend' : sortOrderOf(list.sort, 'overdueFirst'),
                render: (s: LoanBookItem['status']) => <LoanStatusTag status={s} />,
              },
              {
                title: t.household,
                key: 'household',
                sorter: true,
                sortOrder: sortOrderOf(list.sort, 'household'),
                render: (_, i) => (
                  <a href={`#/h/${encodeURIComponent(i.household.id)}`} title={i.household.id}>
                    {i.household.headName}（{i.household.registrationNo}）
                  </a>
                ),
              },
              { title: t.township, dataIndex: 'township' },
              { title: t.village, dataIndex: 'village' },
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
                key: 'issuedOn',
                className: 'nowrap',
                sorter: true,
                sortOrder: sortOrderOf(list.sort, 'issuedOn'),
              },
              {
                title: t.maturesOn,
                dataIndex: 'maturesOn',
                key: 'maturesOn',
                className: 'nowrap',
                sorter: true,
                sortOrder: sortOrderOf(list.sort, 'maturesOn'),
              },
              money('principalFen', t.principalYuan, 'principal'),
              money('outstandingPrincipalFen', t.outstandingPrincipalYuan, 'outstanding'),
              money('subsidisedFen', t.subsidisedYuan),
            ]}
          />
        </>
      )}
    </Card>
  );
}
