import { Alert, AutoComplete, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, fieldErrors, newKey } from '../api';
import { useT } from '../i18n';
import { parseYuanToFen } from '../money';

interface WageForm {
  employmentId: string;
  period: string;
  amount: string;
  paidOn: string;
  daysWorked?: string;
  supplementary?: boolean;
  reference?: string;
}

/** Where each field of `POST /v1/employments/{id}/payments` sits in the form. */
const FIELDS: Record<string, keyof WageForm> = {
  period: 'period',
  amountFen: 'amount',
  paidOn: 'paidOn',
  daysWorked: 'daysWorked',
  supplementary: 'supplementary',
  reference: 'reference',
};

/** Records a month's wage: the amount typed in yuan becomes fen by exact string arithmetic. */
export function WageDialog(props: {
  open: boolean;
  token: string;
  employments: string[];
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<WageForm>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);

  useEffect(() => {
    if (props.open) {
      setKey(newKey());
      setProblem(undefined);
      form.resetFields();
      if (props.employments.length === 1) form.setFieldValue('employmentId', props.employments[0]);
    }
  }, [props.open, props.employments, form]);

  const submit = async (v: WageForm) => {
    const amount = parseYuanToFen(v.amount);
    if (!amount.ok) {
      form.setFields([{ name: 'amount', errors: [t.wrongAmount] }]);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const body = {
        period: v.period,
        amountFen: amount.fen,
        paidOn: v.paidOn,
        ...(v.daysWorked ? { daysWorked: Number(v.daysWorked) } : {}),
        ...(v.supplementary ? { supplementary: true } : {}),
        ...(v.reference ? { reference: v.reference } : {}),
      };
      const written = await api<{ id: string; position: number }>(
        `/v1/employments/${encodeURIComponent(v.employmentId.trim())}/payments`,
        { method: 'POST', token: props.token, body, idempotencyKey: key },
      );
      props.onWritten(written.position);
    } catch (e) {
      const mapped = fieldErrors(e, FIELDS);
      form.setFields(mapped.fields);
      if (e instanceof ApiError && e.status === 404) {
        form.setFields([{ name: 'employmentId', errors: [e.message] }]);
      } else if (mapped.fields.length === 0 || mapped.rest.length > 0) {
        setProblem(e instanceof Error ? e.message : t.error);
      }
      // A refused write may be corrected and sent again: a new key, so it is not a "different body" replay.
      setKey(newKey());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t.recordWage}
      okText={t.confirm}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="wage">
        <Form.Item
          name="employmentId"
          label={t.employmentId}
          extra={t.employmentHelp}
          rules={[{ required: true, message: t.required }]}
        >
          <AutoComplete options={props.employments.map((value) => ({ value }))} />
        </Form.Item>
        <Form.Item name="period" label={t.month} rules={[{ required: true, message: t.required }]}>
          <Input type="month" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t.amount}
          extra={t.amountHelp}
          rules={[{ required: true, message: t.required }]}
        >
          <Input inputMode="decimal" addonAfter="元" />
        </Form.Item>
        <Form.Item name="paidOn" label={t.paidOn} rules={[{ required: true, message: t.required }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="daysWorked" label={t.daysWorked}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item name="reference" label={t.reference}>
          <Input />
        </Form.Item>
        <Form.Item name="supplementary" valuePropName="checked">
          <Checkbox>{t.supplementary}</Checkbox>
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
      </Form>
    </Modal>
  );
}
