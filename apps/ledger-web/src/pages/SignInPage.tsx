import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { whoAmI } from '../api';
import { go } from '../route';
import { useT } from '../i18n';
import type { Session } from '../session';

export function SignInPage(props: { onSignedIn: (s: Session) => void; onSwitchLang: () => void }) {
  const { t } = useT();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ token }: { token: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const me = await whoAmI(token.trim());
      if (!me) setError(t.tokenInvalid);
      else if (me.role === 'household' && !me.householdId) setError(t.linkMissing);
      else {
        props.onSignedIn({
          token: token.trim(),
          role: me.role,
          name: me.name,
          townships: me.townships,
          ...(me.householdId ? { householdId: me.householdId } : {}),
        });
        // A household's own token opens its statement, the one thing it may read.
        if (me.role === 'household' && me.householdId) go(`/s?h=${encodeURIComponent(me.householdId)}`);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : t.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t.appTitle}
          </Typography.Title>
          <Button size="small" onClick={props.onSwitchLang}>
            {t.language}
          </Button>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t.tokenHelp}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={(v: { token: string }) => void submit(v)}>
          <Form.Item name="token" label={t.token} rules={[{ required: true, message: t.tokenRequired }]}>
            <Input.Password id="token" autoComplete="off" autoFocus />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.signIn}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
