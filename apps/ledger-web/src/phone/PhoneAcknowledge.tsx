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
export function PhoneAcknowledge({ statement, token }: { statement: Statement; token: string }) {
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
    <section className="card">
      <h2>{t.ackTitle}</h2>
      {done && (
        <div className={done.disputed ? 'note warning' : 'note success'}>
          {done.disputed ? t.ackDisputed(done.acknowledgedOn) : t.ackConfirmed(done.acknowledgedOn)}
        </div>
      )}
      <p>{t.ackHelp}</p>
      {error && (
        <div className="note error" role="alert">
          {error}
        </div>
      )}
      {disputing ? (
        <>
          <label htmlFor="ack-comment">{t.ackDisputeHelp}</label>
          <textarea
            id="ack-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={2000}
          />
          <div className="buttons">
            <button type="button" className="primary danger" disabled={sending} onClick={() => void send(true)}>
              {t.ackSend}
            </button>
            <button type="button" onClick={() => setDisputing(false)}>
              {t.ackCancel}
            </button>
          </div>
        </>
      ) : (
        <div className="buttons">
          <button type="button" className="primary" disabled={sending} onClick={() => void send(false)}>
            {t.ackConfirm}
          </button>
          <button type="button" className="danger" onClick={() => setDisputing(true)}>
            {t.ackDispute}
          </button>
        </div>
      )}
    </section>
  );
}
