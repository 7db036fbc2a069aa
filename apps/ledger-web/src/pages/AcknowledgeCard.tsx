import { Alert, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError, newKey } from '../api';
import { useT } from '../i18n';
import type { AcknowledgementView, Statement } from '../types';

/** Today's date in China Standard Time, as the ledger dates things. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The phone page's "确认无误" / "有问题": the household confirms the statement it sees (its total to
 * the last payment shown, or today) or says what is wrong, with its own token. A dispute opens a
 * grievance a clerk answers; a refusal because the figures changed asks to reload.
 */
export function AcknowledgeCard({ statement, token }: { statement: Statement; token: string }) {
  const { t } = useT();
  const [done, setDone] = useState<AcknowledgementView | undefined>(statement.acknowledgement);
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  // One key per answer given, so a double tap records it once.
  const [keys] = useState(() => ({ confirm: newKey(), dispute: newKey() }));

  const send = async (disputed: boolean) => {
    const today = todayInChina();
    const lastPaid = statement.lines.reduce((last, l) => (l.paidOn > last ? l.paidOn : last), today);
    const body = {
      through: lastPaid,
      totalFen: statement.totalFen,
      method: 'online',
      acknowledgedOn: today,
      ...(disputed ? { disputed: true, ...(comment.trim() ? { comment: comment.trim() } : {}) } : {}),
    };
    setSending(true);
    setError(undefined);
    try {
      const written = await api<{ id: string }>(
        `/v1/households/${encodeURIComponent(statement.household.id)}/acknowledgements`,
        { method: 'POST', body, token, idempotencyKey: disputed ? keys.dispute : keys.confirm },
      );
      setDone({
        id: written.id,
        through: body.through,
        totalFen: body.totalFen,
        method: 'online',
        acknowledgedOn: today,
        disputed,
      });
      setDisputing(false);
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === 'ACKNOWLEDGEMENT.FIGURES_CHANGED') setError(t.ackFiguresChanged);
      else setError(e instanceof Error ? e.message : t.error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" title={<span style={{ fontSize: 19 }}>{t.ackTitle}</span>} style={{ marginTop: 12 }}>
      {done && (
        <Alert
          type={done.disputed ? 'warning' : 'success'}
          showIcon
          message={done.disputed ? t.ackDisputed(done.acknowledgedOn) : t.ackConfirmed(done.acknowledgedOn)}
          style={{ marginBottom: 8 }}
        />
      )}
      <div style={{ marginBottom: 8 }}>{t.ackHelp}</div>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} />}
      {disputing ? (
        <>
          <label htmlFor="ack-comment">{t.ackDisputeHelp}</label>
          <Input.TextArea
            id="ack-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={2000}
          />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" danger size="large" loading={sending} onClick={() => void send(true)}>
              {t.ackSend}
            </Button>
            <Button size="large" onClick={() => setDisputing(false)}>
              {t.ackCancel}
            </Button>
          </Space>
        </>
      ) : (
        <Space wrap>
          <Button type="primary" size="large" loading={sending} onClick={() => void send(false)}>
            {t.ackConfirm}
          </Button>
          <Button size="large" danger onClick={() => setDisputing(true)}>
            {t.ackDispute}
          </Button>
        </Space>
      )}
    </Card>
  );
}
