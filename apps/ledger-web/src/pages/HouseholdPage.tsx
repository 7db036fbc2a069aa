import { App, Button, Card, Descriptions, Space, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { Household, Statement, StatementLine } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { ReverseDialog } from './ReverseDialog';
import { WageDialog } from './WageDialog';

/** A household as a clerk sees it: who, its statement line by line, and the forms to record and reverse. */
export function HouseholdPage({ token, householdId }: { token: string; householdId: string }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [household, setHousehold] = useState<Household>();
  const [statement, setStatement] = useState<Statement>();
  const [error, setError] = useState<Error>();
  const [wageOpen, setWageOpen] = useState(false);
  const [reversing, setReversing] = useState<StatementLine>();

  const load = useCallback(
    async (minPosition?: number) => {
      setError(undefined);
      try {
        const [h, s] = await Promise.all([
          api<Household>(`/v1/households/${encodeURIComponent(householdId)}`, { token }),
          api<Statement>(`/v1/households/${encodeURIComponent(householdId)}/statement${query({ minPosition })}`, {
            token,
          }),
        ]);
        setHousehold(h);
        setStatement(s);
      } catch (e) {
        setError(e as Error);
      }
    },
    [householdId, token],
  );

  useEffect(() => {
    void load();
  }, [load, lang]);

  const written = (position: number) => {
    void message.success(t.saved);
    setWageOpen(false);
    setReversing(undefined);
    void load(position);
  };

  const employments = [...new Set(statement?.lines.filter((l) => l.kind === 'wage').map((l) => l.linkageId) ?? [])];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={error} />
      {household && (
        <Card
          title={`${t.household}：${household.headName}（${household.registrationNo}）`}
          extra={
            <Space>
              <Button href="#/households">{t.back}</Button>
              <Button type="primary" onClick={() => setWageOpen(true)}>
                {t.recordWage}
              </Button>
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
      {statement && (
        <Card title={t.statement}>
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t.total} value={formatYuan(statement.totalFen)} suffix="元" />
            {(['equity', 'lease', 'labour', 'order'] as const).map((f) => (
              <Statistic key={f} title={label(t, f)} value={formatYuan(statement.byForm[f])} />
            ))}
          </Space>
          <StatementTable lines={statement.lines} onReverse={setReversing} />
        </Card>
      )}
      <WageDialog
        open={wageOpen}
        token={token}
        employments={employments}
        onClose={() => setWageOpen(false)}
        onWritten={written}
      />
      <ReverseDialog line={reversing} token={token} onClose={() => setReversing(undefined)} onWritten={written} />
    </Space>
  );
}

export function StatementTable(props: { lines: StatementLine[]; onReverse?: (line: StatementLine) => void }) {
  const { t } = useT();
  return (
    <Table<StatementLine>
      rowKey="paymentId"
      dataSource={props.lines}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t.paidOn,
          dataIndex: 'paidOn',
          className: 'nowrap',
          sorter: (a, b) => a.paidOn.localeCompare(b.paidOn),
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
        { title: t.entity, key: 'entity', render: (_, l) => l.entity.name },
        { title: t.period, dataIndex: 'period', className: 'nowrap' },
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
  );
}
