import { App, Button, Card, Descriptions, Select, Space, Statistic, Table, Tag } from 'antd';
import { periodText, yearText } from '@ledger/contract';
import { useCallback, useEffect, useState } from 'react';
import { ERASED } from '@ledger/contract';
import { api, query } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { HouseholdLinkage, HouseholdView, Statement, StatementLine } from '../types';
import { EraseDialog } from './EraseDialog';
import { ErrorAlert } from './ErrorAlert';
import { LoansCard } from './LoansCard';
import { AcknowledgementsCard } from './AcknowledgementsCard';
import { PaymentDialog, recordLabel, termsText } from './PaymentDialog';
import { ReverseDialog } from './ReverseDialog';
import { StakesCard } from './StakesCard';

/**
 * A household as a clerk sees it: who, its linkages (each with the form recording its payments), its
 * statement line by line with reversal. `canWrite` false (auditors) hides the forms.
 */
export function HouseholdPage({
  token,
  householdId,
  canWrite,
  canErase = false,
  minPosition: shownAfter,
}: {
  token: string;
  householdId: string;
  canWrite: boolean;
  /** An admin: may erase the household's personal data. */
  canErase?: boolean;
  /** Show the ledger at least as of this position (after an import, say). */
  minPosition?: number;
}) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [household, setHousehold] = useState<HouseholdView>();
  const [statement, setStatement] = useState<Statement>();
  const [error, setError] = useState<Error>();
  const [linkages, setLinkages] = useState<HouseholdLinkage[]>();
  const [paying, setPaying] = useState<HouseholdLinkage>();
  const [reversing, setReversing] = useState<StatementLine>();
  const [erasing, setErasing] = useState(false);
  const erased = household?.headName === ERASED;

  const load = useCallback(
    async (minPosition?: number) => {
      setError(undefined);
      const id = encodeURIComponent(householdId);
      try {
        const [h, s, l] = await Promise.all([
          api<HouseholdView>(`/v1/households/${id}`, { token }),
          api<Statement>(`/v1/households/${id}/statement${query({ minPosition })}`, { token }),
          api<{ items: HouseholdLinkage[] }>(`/v1/households/${id}/linkages${query({ minPosition })}`, { token }),
        ]);
        setHousehold(h);
        setStatement(s);
        setLinkages(l.items);
      } catch (e) {
        setError(e as Error);
      }
    },
    [householdId, token],
  );

  useEffect(() => {
    void load(shownAfter);
  }, [load, lang, shownAfter]);

  const written = (position: number) => {
    void message.success(t.saved);
    setPaying(undefined);
    setReversing(undefined);
    setErasing(false);
    void load(position);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={error} />
      {household && (
        <Card
          title={`${t.household}：${household.headName}（${household.registrationNo}）`}
          extra={
            <Space>
              {erased && <Tag>{t.erasedTag}</Tag>}
              {canErase && !erased && (
                <Button danger onClick={() => setErasing(true)}>
                  {t.erase}
                </Button>
              )}
              <Button href="#/households">{t.back}</Button>
            </Space>
          }
        >
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t.members}>{household.members}</Descriptions.Item>
            <Descriptions.Item label={t.village}>{household.village}</Descriptions.Item>
            <Descriptions.Item label={t.township}>{household.township}</Descriptions.Item>
            <Descriptions.Item label={t.county}>{household.county}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {linkages && (
        <Card title={t.linkages}>
          <Table<HouseholdLinkage>
            rowKey="linkageId"
            dataSource={linkages}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t.noLinkages }}
            scroll={{ x: 800 }}
            columns={[
              { title: t.kind, dataIndex: 'kind', render: (k: string) => label(t, k) },
              { title: t.entity, key: 'entity', render: (_, l) => l.entity.name },
              { title: t.terms, key: 'terms', render: (_, l) => termsText(t, l) },
              {
                title: t.term,
                key: 'term',
                className: 'nowrap',
                render: (_, l) => (l.startsOn ? `${l.startsOn} – ${l.endsOn ?? ''}` : ''),
              },
              ...(canWrite
                ? [
                    {
                      title: t.actions,
                      key: 'record',
                      render: (_: unknown, l: HouseholdLinkage) => (
                        <Button
                          size="small"
                          type="primary"
                          ghost
                          aria-label={t.recordFor(recordLabel(t, l.kind), `${l.entity.name} ${termsText(t, l)}`)}
                          onClick={() => setPaying(l)}
                        >
                          {recordLabel(t, l.kind)}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      {statement && (
        <Card title={t.statement}>
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t.total} value={formatYuan(statement.totalFen)} suffix="元" />
            {(['equity', 'lease', 'labour', 'order', 'credit'] as const).map((f) => (
              <Statistic key={f} title={label(t, f)} value={formatYuan(statement.byForm[f])} />
            ))}
          </Space>
          <StatementTable lines={statement.lines} onReverse={canWrite ? setReversing : undefined} />
        </Card>
      )}
      {statement && statement.holdings.stakes.length > 0 && (
        <StakesCard token={token} stakes={statement.holdings.stakes} canWrite={canWrite} onWritten={written} />
      )}
      {statement && statement.holdings.loans.length > 0 && <LoansCard token={token} loans={statement.holdings.loans} />}
      {statement && (
        <AcknowledgementsCard
          token={token}
          householdId={statement.household.id}
          acknowledgement={statement.acknowledgement}
          canWrite={canWrite}
        />
      )}
      <PaymentDialog
        linkage={paying}
        householdId={householdId}
        token={token}
        onClose={() => setPaying(undefined)}
        onWritten={written}
      />
      <ReverseDialog line={reversing} token={token} onClose={() => setReversing(undefined)} onWritten={written} />
      {household && canErase && (
        <EraseDialog
          open={erasing}
          householdId={householdId}
          registrationNo={household.registrationNo}
          token={token}
          onClose={() => setErasing(false)}
          onWritten={written}
        />
      )}
    </Space>
  );
}

/** The statement's lines, newest first, a year at a time if asked (the years the statement has). */
export function StatementTable(props: { lines: StatementLine[]; onReverse?: (line: StatementLine) => void }) {
  const { t, lang } = useT();
  const [year, setYear] = useState<string>();
  const years = [...new Set(props.lines.map((l) => l.paidOn.slice(0, 4)))].sort().reverse();
  const lines = props.lines
    .filter((l) => !year || l.paidOn.startsWith(year))
    .sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.recordedAt.localeCompare(a.recordedAt));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {t.year}
        <Select
          aria-label={t.year}
          style={{ width: 140 }}
          value={year ?? ''}
          onChange={(v) => setYear(v || undefined)}
          options={[
            { value: '', label: t.allYears },
            ...years.map((y) => ({ value: y, label: yearText(Number(y), lang) })),
          ]}
        />
      </Space>
      <Table<StatementLine>
        rowKey="paymentId"
        dataSource={lines}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          hideOnSinglePage: false,
          showTotal: (n) => t.totalCount(n),
        }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t.paidOn,
            dataIndex: 'paidOn',
            className: 'nowrap',
            sorter: (a, b) => a.paidOn.localeCompare(b.paidOn),
            defaultSortOrder: 'descend',
            render: (paidOn: string, l) => <span title={l.paymentId}>{paidOn}</span>,
          },
          {
            title: t.kind,
            key: 'kind',
            render: (_, l) => (
              <>
                {label(t, l.form)} · {label(t, l.kind)}
              </>
            ),
          },
          { title: t.entity, key: 'entity', render: (_, l) => l.entity?.name ?? t.fiscalSubsidy },
          {
            title: t.period,
            dataIndex: 'period',
            className: 'nowrap',
            render: (period: string | undefined) => (period ? periodText(period, lang) : ''),
          },
          {
            title: t.amountYuan,
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number, l) => (
              <span style={{ textDecoration: l.reversed ? 'line-through' : undefined }}>{formatYuan(fen)}</span>
            ),
          },
          {
            title: t.explanation,
            dataIndex: 'explanation',
            render: (text: string, l) => (
              <>
                {l.reversed && <Tag color="red">{t.reversed}</Tag>}
                {text}
              </>
            ),
          },
          ...(props.onReverse
            ? [
                {
                  title: t.actions,
                  key: 'actions',
                  render: (_: unknown, l: StatementLine) =>
                    l.reversed ? null : (
                      <Button size="small" danger onClick={() => props.onReverse?.(l)}>
                        {t.reverse}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
