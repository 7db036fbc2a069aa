import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

interface Verification {
  ok: boolean;
  eventsChecked: number;
  firstBrokenPosition?: number;
}

/** Runs the tamper check of the whole log (`GET /v1/audit/verify`) and shows the result. */
export function VerifyPage({ token }: { token: string }) {
  const { t } = useT();
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api<Verification>('/v1/audit/verify', { token }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.menuVerify}>
      <Typography.Paragraph>{t.verifyHelp}</Typography.Paragraph>
      <Button type="primary" onClick={() => void run()} loading={busy} style={{ marginBottom: 16 }}>
        {t.verify}
      </Button>
      <ErrorAlert error={error} />
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          role="status"
          message={result.ok ? t.verifyOk : `${t.verifyBroken} ${result.firstBrokenPosition}`}
          description={`${t.eventsChecked}：${result.eventsChecked.toLocaleString()}`}
        />
      )}
    </Card>
  );
}
