import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api, fieldErrors, newKey } from '../api';
import { useT } from '../i18n';

/**
 * A write confirmed with a reason (reversing a payment, erasing a household): what it does is shown
 * first, the reason is required, the POST carries one idempotency key per opening (a retry after a
 * lost answer records nothing twice), and a refusal lands on the reason or above the buttons.
 */
export function ReasonDialog(props: {
  open: boolean;
  /** Where the reason is POSTed as `{reason}`. */
  path: string;
  token: string;
  title: string;
  okText: string;
  reasonLabel: string;
  reasonRequired: string;
  /** The form's name (its fields' ids). */
  name: string;
  rows?: number;
  /** What the write concerns and does, above the reason. */
  children?: ReactNode;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);

  useEffect(() => {
    if (props.open) {
      setKey(newKey());
      setProblem(undefined);
      form.resetFields();
    }
  }, [props.open, props.path, form]);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const written = await api<{ position: number }>(props.path, {
        method: 'POST',
        token: props.token,
        body: { reason },
        idempotencyKey: key,
      });
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
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: true }}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.children}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name={props.name}>
        <Form.Item name="reason" label={props.reasonLabel} rules={[{ required: true, message: props.reasonRequired }]}>
          <Input.TextArea rows={props.rows ?? 3} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
      </Form>
    </Modal>
  );
}
