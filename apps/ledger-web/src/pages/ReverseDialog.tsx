import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, fieldErrors, newKey } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { StatementLine } from '../types';

/** Reverses a payment with a reason: it stays on record, marked reversed. */
export function ReverseDialog(props: {
  line?: StatementLine;
  token: string;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);

  useEffect(() => {
    if (props.line) {
      setKey(newKey());
      setProblem(undefined);
      form.resetFields();
    }
  }, [props.line, form]);

  const submit = async ({ reason }: { reason: string }) => {
    if (!props.line) return;
    setBusy(true);
    try {
      const written = await api<{ position: number }>(
        `/v1/payments/${encodeURIComponent(props.line.paymentId)}/reversal`,
        { method: 'POST', token: props.token, body: { reason }, idempotencyKey: key },
      );
      props.onWritten(written.position);
    } catch (e) {
      const mapped = fieldErrors(e, { reason: 'reason' });
      form.setFields(mapped.fields);
      if (mapped.fields.length === 0) setProblem(e instanceof Error ? e.message : t.error);
      setKey(newKey());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!props.line}
      title={t.reverseTitle}
      okText={t.reverse}
      okButtonProps={{ danger: true }}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.line && (
        <Typography.Paragraph>
          {props.line.paidOn} · {props.line.entity?.name ?? t.fiscalSubsidy} · {formatYuan(props.line.amountFen)} 元
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="reverse">
        <Form.Item name="reason" label={t.reason} rules={[{ required: true, message: t.reasonRequired }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
      </Form>
    </Modal>
  );
}
