import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, fieldErrors, newKey, query } from '../api';
import { useT } from '../i18n';
import { formatYuan, parseYuanToFen } from '../money';
import type { PageProps } from '../console-routes';
import { go } from '../route';
import { may } from '../session';
import type { CollectiveView, Household, Page } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { EntityPicker } from './Pickers';

type Distribution = CollectiveView['distributions'][number];
type Allocation = Distribution['allocations'][number];
const BASES = ['per_household', 'per_member', 'weighted'] as const;

/**
 * A village collective (`#/c/<entityId>`): its dividend income, what it shared out (二次分配) and what
 * is left, the stakes it holds and its distributions; a clerk declares a distribution over households
 * picked from the village and records each household's payment. Picked from the entity search.
 */
/** The page at `#/c[/<entityId>]`. */
export function CollectiveRoute({ session, path }: PageProps) {
  return <CollectivePage token={session.token} collectiveId={path[1]} canWrite={may.write(session)} />;
}

export function CollectivePage(props: { token: string; collectiveId?: string; canWrite: boolean }) {
  const { t, lang } = useT();
  const { token, collectiveId, canWrite } = props;
  const [data, setData] = useState<CollectiveView>();
  const [error, setError] = useState<Error>();
  const [after, setAfter] = useState<number>();
  const [paying, setPaying] = useState<{ distribution: Distribution; allocation: Allocation }>();

  useEffect(() => {
    if (!collectiveId) return;
    setError(undefined);
    api<CollectiveView>(`/v1/collectives/${encodeURIComponent(collectiveId)}${query({ minPosition: after })}`, {
      token,
    }).then(setData, (e: Error) => setError(e));
  }, [collectiveId, token, after, lang]);
  const written = useCallback((position: number) => setAfter(position), []);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t.menuCollectives}>
        <EntityPicker
          token={token}
          value={collectiveId}
          onChange={(id) => id && go(`/c/${id}`)}
          style={{ width: 420 }}
          aria-invalid={false}
        />
        <div style={{ color: '#888', marginTop: 4 }}>{t.pickCollective}</div>
      </Card>
      <ErrorAlert error={error} />
      {data && (
        <Card title={`${data.collective.name}（${data.collective.township}）`}>
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t.collectiveIncome} value={formatYuan(data.incomeFen)} />
            <Statistic title={t.collectiveDistributed} value={formatYuan(data.distributedFen)} />
            <Statistic title={t.collectiveUndistributed} value={formatYuan(data.undistributedFen)} />
          </Space>
          <h4>{t.collectiveStakes}</h4>
          <Table
            rowKey="stakeId"
            size="small"
            pagination={false}
            dataSource={data.stakes}
            columns={[
              { title: t.entity, render: (_: unknown, s: CollectiveView['stakes'][number]) => s.entity.name },
              { title: t.principal, dataIndex: 'principalFen', align: 'right', render: (f: number) => formatYuan(f) },
              { title: t.shares, dataIndex: 'shares', align: 'right' },
              { title: t.stakeSince, dataIndex: 'startsOn' },
            ]}
          />
          <h4 style={{ marginTop: 16 }}>{t.distributions}</h4>
          <Table<Distribution>
            rowKey="distributionId"
            size="small"
            pagination={false}
            dataSource={data.distributions}
            expandable={{
              expandedRowRender: (d) => (
                <Table<Allocation>
                  rowKey="householdId"
                  size="small"
                  dataSource={d.allocations}
                  columns={[
                    {
                      title: t.household,
                      dataIndex: 'householdId',
                      render: (id: string) => <a href={`#/h/${id}`}>{id}</a>,
                    },
                    { title: t.weight, dataIndex: 'weight', align: 'right' },
                    {
                      title: t.amountYuan,
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (f: number) => formatYuan(f),
                    },
                    { title: t.paidYuan, dataIndex: 'paidFen', align: 'right', render: (f: number) => formatYuan(f) },
                    { title: t.owedYuan, dataIndex: 'owedFen', align: 'right', render: (f: number) => formatYuan(f) },
                    ...(canWrite
                      ? [
                          {
                            title: '',
                            render: (_: unknown, a: Allocation) =>
                              a.owedFen > 0 ? (
                                <Button size="small" onClick={() => setPaying({ distribution: d, allocation: a })}>
                                  {t.payDistribution}
                                </Button>
                              ) : null,
                          },
                        ]
                      : []),
                  ]}
                />
              ),
            }}
            columns={[
              { title: t.period, dataIndex: 'period' },
              { title: t.declaredOn, dataIndex: 'declaredOn' },
              { title: t.basis, dataIndex: 'basis', render: (b: (typeof BASES)[number]) => t[b] },
              { title: t.poolYuan, dataIndex: 'poolFen', align: 'right', render: (f: number) => formatYuan(f) },
              { title: t.paidYuan, dataIndex: 'paidFen', align: 'right', render: (f: number) => formatYuan(f) },
              {
                title: t.incomeFrom,
                render: (_: unknown, d: Distribution) => (
                  <Space direction="vertical" size={0}>
                    {d.incomeSources.map((s) => `${s.entityName} ${formatYuan(s.amountFen)}`).join('、') || '—'}
                    {d.declaredIncomeSources && (
                      <Typography.Text type="secondary">
                        {t.declaredIncome(
                          d.declaredIncomeSources.map((s) => `${s.entityName} ${formatYuan(s.amountFen)}`).join('、'),
                        )}
                      </Typography.Text>
                    )}
                    {d.overdrawnFen > 0 && (
                      <Typography.Text type="danger">
                        {t.distributionOverdrawn(formatYuan(d.overdrawnFen))}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          {canWrite && <DeclareDistribution token={token} collective={data.collective} onWritten={written} />}
        </Card>
      )}
      {paying && (
        <PayDistribution
          token={token}
          {...paying}
          onClose={() => setPaying(undefined)}
          onWritten={(position) => {
            setPaying(undefined);
            written(position);
          }}
        />
      )}
    </Space>
  );
}

interface DeclareValues {
  period: string;
  declaredOn: string;
  poolYuan: string;
  basis: (typeof BASES)[number];
  village?: string;
}

/** The village meeting's distribution: households ticked from the village's list, weights when by weight. */
function DeclareDistribution(props: {
  token: string;
  collective: CollectiveView['collective'];
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const [households, setHouseholds] = useState<Household[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [error, setError] = useState<Error>();
  const [key, setKey] = useState(newKey);
  const basis = Form.useWatch('basis', form);

  const loadVillage = async () => {
    const village = form.getFieldValue('village') as string | undefined;
    try {
      const page = await api<Page<Household>>(
        `/v1/households${query({ township: props.collective.township, village: village?.trim(), limit: 500 })}`,
        { token: props.token },
      );
      setHouseholds(page.items);
      setPicked(page.items.map((h) => h.id));
    } catch (e) {
      setError(e as Error);
    }
  };

  const submit = async (v: DeclareValues) => {
    setError(undefined);
    const pool = parseYuanToFen(v.poolYuan);
    if (!pool.ok) {
      form.setFields([{ name: 'poolYuan', errors: [t.wrongAmount] }]);
      return;
    }
    const poolFen = pool.fen;
    try {
      const result = await api<{ id: string; position: number }>(
        `/v1/collectives/${encodeURIComponent(props.collective.id)}/distributions`,
        {
          method: 'POST',
          token: props.token,
          idempotencyKey: key,
          body: {
            period: v.period,
            declaredOn: v.declaredOn,
            poolFen,
            basis: v.basis,
            households: picked.map((householdId) =>
              v.basis === 'weighted' ? { householdId, weight: weights[householdId] ?? 1 } : { householdId },
            ),
          },
        },
      );
      message.success(t.saved);
      setKey(newKey());
      props.onWritten(result.position);
    } catch (e) {
      const { fields } = fieldErrors(e, {
        period: 'period',
        declaredOn: 'declaredOn',
        poolFen: 'poolYuan',
        basis: 'basis',
      });
      form.setFields(fields);
      setError(e as Error);
    }
  };

  return (
    <Card type="inner" title={t.declareDistribution} style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{ basis: 'per_household' }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="period" label={t.period} rules={[{ required: true, message: t.required }]}>
          <Input placeholder="2018" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="declaredOn" label={t.declaredOn} rules={[{ required: true, message: t.required }]}>
          <Input placeholder="2018-12-28" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="poolYuan" label={t.poolYuan} rules={[{ required: true, message: t.required }]}>
          <Input style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="basis" label={t.basis}>
          <Select style={{ width: 130 }} options={BASES.map((b) => ({ value: b, label: t[b] }))} />
        </Form.Item>
        <Form.Item name="village" label={t.village}>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Button onClick={() => void loadVillage()}>{t.loadVillage}</Button>
        <Button type="primary" htmlType="submit" disabled={picked.length === 0}>
          {t.declareDistribution}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {households.length > 0 && (
        <Table<Household>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          title={() => t.pickHouseholds}
          dataSource={households}
          rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]) }}
          columns={[
            { title: t.registrationNo, dataIndex: 'registrationNo' },
            { title: t.headName, dataIndex: 'headName' },
            { title: t.members, dataIndex: 'members', align: 'right' },
            ...(basis === 'weighted'
              ? [
                  {
                    title: t.weight,
                    render: (_: unknown, h: Household) => (
                      <InputNumber
                        min={1}
                        precision={0}
                        value={weights[h.id] ?? 1}
                        onChange={(w) => setWeights({ ...weights, [h.id]: Number(w ?? 1) })}
                        aria-label={`${t.weight} ${h.registrationNo}`}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/** Pays one household its share (or part of it): the amount owed is offered. */
function PayDistribution(props: {
  token: string;
  distribution: Distribution;
  allocation: Allocation;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ amountYuan: string; paidOn: string; reference?: string }>();
  const [error, setError] = useState<Error>();
  const [key] = useState(newKey);
  const submit = async (v: { amountYuan: string; paidOn: string; reference?: string }) => {
    const amount = parseYuanToFen(v.amountYuan);
    if (!amount.ok) {
      form.setFields([{ name: 'amountYuan', errors: [t.wrongAmount] }]);
      return;
    }
    const amountFen = amount.fen;
    try {
      const result = await api<{ id: string; position: number }>(
        `/v1/distributions/${encodeURIComponent(props.distribution.distributionId)}/payments`,
        {
          method: 'POST',
          token: props.token,
          idempotencyKey: key,
          body: {
            householdId: props.allocation.householdId,
            amountFen,
            paidOn: v.paidOn,
            ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
          },
        },
      );
      props.onWritten(result.position);
    } catch (e) {
      form.setFields(fieldErrors(e, { amountFen: 'amountYuan', paidOn: 'paidOn', reference: 'reference' }).fields);
      setError(e as Error);
    }
  };
  return (
    <Modal
      open
      title={`${t.payDistribution} · ${props.allocation.householdId}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amountYuan: formatYuan(props.allocation.owedFen).replace(/,/g, '') }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="amountYuan" label={t.amountYuan} rules={[{ required: true, message: t.required }]}>
          <Input />
        </Form.Item>
        <Form.Item name="paidOn" label={t.paidOn} rules={[{ required: true, message: t.required }]}>
          <Input placeholder="2019-01-05" />
        </Form.Item>
        <Form.Item name="reference" label={t.reference}>
          <Input />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
