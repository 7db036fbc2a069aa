import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { label, useT, type Text } from '../i18n';
import { formatYuan } from '../money';
import type { LoanHolding, LoanRepaymentView, LoanView } from '../types';
import { ErrorAlert } from './ErrorAlert';

/** A loan's status as a coloured tag: overdue in red. */
export function LoanStatusTag({ status }: { status: LoanView['status'] }) {
  const { t } = useT();
  const color = status === 'overdue' ? 'red' : status === 'repaid' ? 'green' : 'blue';
  return <Tag color={color}>{label(t, status)}</Tag>;
}

const paidByText = (t: Text, paidBy: LoanRepaymentView['paidBy']) =>
  paidBy === 'entity' ? t.paidByEntity : t.paidByHousehold;

/**
 * A household's poverty micro-credit loans (from its statement's holdings); a row opens the loan's
 * repayments, read from `GET /v1/loans/{id}` (repayments are not income: never statement lines).
 */
export function LoansCard({ token, loans }: { token: string; loans: LoanHolding[] }) {
  const { t } = useT();
  const [views, setViews] = useState<Record<string, LoanView>>({});
  const [error, setError] = useState<Error>();

  const open = async (loanId: string) => {
    if (views[loanId]) return;
    try {
      const view = await api<LoanView>(`/v1/loans/${encodeURIComponent(loanId)}`, { token });
      setViews((v) => ({ ...v, [loanId]: view }));
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <Card title={t.loans}>
      <ErrorAlert error={error} />
      <Table<LoanHolding>
        rowKey="loanId"
        dataSource={loans}
        size="small"
        pagination={false}
        locale={{ emptyText: t.noLoans }}
        scroll={{ x: 900 }}
        expandable={{
          onExpand: (expanded, l) => void (expanded && open(l.loanId)),
          expandedRowRender: (l) => <Repayments view={views[l.loanId]} />,
        }}
        columns={[
          { title: t.lender, dataIndex: 'lender' },
          { title: t.contractNo, dataIndex: 'contractNo', render: (v?: string) => v ?? '—' },
          {
            title: t.loanUse,
            key: 'use',
            render: (_, l) => (l.entity ? `${label(t, l.use)} · ${l.entity.name}` : label(t, l.use)),
          },
          { title: t.term, key: 'term', className: 'nowrap', render: (_, l) => `${l.disbursedOn} – ${l.maturesOn}` },
          {
            title: t.principalYuan,
            dataIndex: 'principalFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
          {
            title: t.outstandingPrincipalYuan,
            dataIndex: 'outstandingPrincipalFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
          {
            title: t.loanStatus,
            key: 'status',
            render: (_, l) => (views[l.loanId] ? <LoanStatusTag status={views[l.loanId].status} /> : null),
          },
        ]}
      />
    </Card>
  );
}

function Repayments({ view }: { view?: LoanView }) {
  const { t } = useT();
  if (!view) return null;
  return (
    <Table<LoanRepaymentView>
      rowKey="paymentId"
      dataSource={view.repayments}
      size="small"
      pagination={false}
      locale={{ emptyText: t.noRepayments }}
      title={() => (
        <>
          {t.repayments} · <LoanStatusTag status={view.status} /> {t.interestPaidYuan}{' '}
          {formatYuan(view.interestPaidFen)} · {t.subsidisedYuan} {formatYuan(view.subsidisedFen)}
        </>
      )}
      columns={[
        { title: t.repaidOn, dataIndex: 'paidOn', className: 'nowrap' },
        { title: t.paidBy, dataIndex: 'paidBy', render: (p: LoanRepaymentView['paidBy']) => paidByText(t, p) },
        {
          title: t.repaidPrincipalYuan,
          dataIndex: 'principalFen',
          align: 'right',
          render: (fen: number, r) => (
            <span style={{ textDecoration: r.reversed ? 'line-through' : undefined }}>{formatYuan(fen)}</span>
          ),
        },
        {
          title: t.repaidInterestYuan,
          dataIndex: 'interestFen',
          align: 'right',
          render: (fen: number, r) => (
            <span style={{ textDecoration: r.reversed ? 'line-through' : undefined }}>{formatYuan(fen)}</span>
          ),
        },
        { title: t.reference, dataIndex: 'reference', render: (v?: string) => v ?? '' },
        { title: '', key: 'reversed', render: (_, r) => (r.reversed ? <Tag color="red">{t.reversed}</Tag> : null) },
      ]}
    />
  );
}
