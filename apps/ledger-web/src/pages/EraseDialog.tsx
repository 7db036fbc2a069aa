import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, fieldErrors, newKey } from '../api';
import { useT } from '../i18n';

/**
 * An admin erases a household's personal data: the dialog says what that does, for good, before the
 * grounds are asked for (a ticket, a date: the grounds stay readable, so they must name no one).
 */
export function EraseDialog(props: {
  open: boolean;
  householdId: string;
  registrationNo: string;
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
    if (props.open) {
      setKey(newKey());
      setProblem(undefined);
      form.resetFields();
    }
  }, [props.open, form]);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const written = await api<{ position: number }>(
        `/v1/households/${encodeURIComponent(props.householdId)}/erasure`,
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
      open={props.open}
      title={t.eraseTitle}
      okText={t.eraseConfirm}
      okButtonProps={{ danger: true }}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={props.registrationNo} description={t.eraseConsequence} />
      <Typography.Paragraph />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="erase">
        <Form.Item name="reason" label={t.eraseReason} rules={[{ required: true, message: t.eraseReasonRequired }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
      </Form>
    </Modal>
  );
}
