import { Alert, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, fieldErrors, newKey } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { StakeHolding } from '../types';
import { HouseholdPicker } from './Pickers';

/**
 * The stakes a household holds or held (`holdings.stakes` of its statement), with a transfer of an
 * active fiscal-fund stake to another household (动态调整) for whoever may write.
 */
export function StakesCard(props: {
  token: string;
  stakes: StakeHolding[];
  canWrite: boolean;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const [moving, setMoving] = useState<StakeHolding>();
  return (
    <Card title={t.stakesHeld}>
      <Table<StakeHolding>
        size="small"
        rowKey="stakeId"
        dataSource={props.stakes}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t.entity, dataIndex: ['entity', 'name'] },
          { title: t.kind, dataIndex: 'source', render: (s: string) => label(t, s) },
          { title: t.principalYuan, dataIndex: 'principalFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: t.shares, dataIndex: 'shares', align: 'right' },
          { title: t.startsOn, dataIndex: 'startsOn' },
          { title: t.endsOn, dataIndex: 'endsOn' },
          {
            title: t.status,
            dataIndex: 'status',
            render: (status: string, s) => (
              <Tag color={status === 'active' ? 'green' : undefined} title={s.transferredTo ?? s.transferredFrom}>
                {label(t, status)}
                {s.transferredFrom ? ` ← ${t.transferred}` : ''}
              </Tag>
            ),
          },
          ...(props.canWrite
            ? [
                {
                  title: '',
                  key: 'transfer',
                  render: (_: unknown, s: StakeHolding) =>
                    s.source === 'fiscal_fund' && s.status === 'active' ? (
                      <Button size="small" onClick={() => setMoving(s)}>
                        {t.transferStake}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <TransferDialog
        stake={moving}
        token={props.token}
        onClose={() => setMoving(undefined)}
        onWritten={(position) => {
          setMoving(undefined);
          props.onWritten(position);
        }}
      />
    </Card>
  );
}

interface TransferForm {
  toHouseholdId: string;
  effectiveOn: string;
  reason: string;
}

/** `POST /v1/stakes/{id}/transfer`: the refusals (a guaranteed stake mid-month…) show beside their field. */
function TransferDialog(props: {
  stake?: StakeHolding;
  token: string;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<TransferForm>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);

  useEffect(() => {
    if (props.stake) {
      setKey(newKey());
      setProblem(undefined);
      form.resetFields();
    }
  }, [props.stake, form]);

  const submit = async (body: TransferForm) => {
    if (!props.stake) return;
    setBusy(true);
    try {
      const written = await api<{ position: number }>(
        `/v1/stakes/${encodeURIComponent(props.stake.stakeId)}/transfer`,
        { method: 'POST', token: props.token, body, idempotencyKey: key },
      );
      props.onWritten(written.position);
    } catch (e) {
      const mapped = fieldErrors(e, { toHouseholdId: 'toHouseholdId', effectiveOn: 'effectiveOn', reason: 'reason' });
      form.setFields(mapped.fields);
      if (mapped.fields.length === 0) setProblem(e instanceof Error ? e.message : t.error);
      setKey(newKey());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!props.stake}
      title={t.transferTitle}
      okText={t.transferStake}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.stake && (
        <Typography.Paragraph>
          {props.stake.entity.name} · {formatYuan(props.stake.principalFen)} 元 · {props.stake.shares}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t.transferHelp}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="transfer">
        <Form.Item name="toHouseholdId" label={t.toHousehold} rules={[{ required: true, message: t.required }]}>
          <HouseholdPicker token={props.token} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t.effectiveOn} rules={[{ required: true, message: t.required }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t.reason} rules={[{ required: true, message: t.reasonRequired }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
      </Form>
    </Modal>
  );
}
