import { Alert, Button, Card, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { Route } from '../route';
import type { Session } from '../session';
import type { Statement } from '../types';
import { checkPayment, publishedRoots, type ProofStatus } from '../proof-check';
import { ProofTag } from './ProofTag';

/**
 * A household's statement on a phone, opened from the link on its printed card:
 * `#/s?h=<householdId>&token=<token>`. The token moves into this tab's session and out of the address.
 */
export function PublicStatementPage(props: {
  route: Route;
  session?: Session;
  onSession: (s: Session) => void;
  onSwitchLang: () => void;
}) {
  const { t, lang } = useT();
  const { route, session, onSession } = props;
  const householdId = route.params.get('h') ?? session?.householdId;
  const linkToken = route.params.get('token');
  const token = linkToken ?? session?.token;
  const [statement, setStatement] = useState<Statement>();
  const [error, setError] = useState<string>();
  const [proofs, setProofs] = useState<Record<string, ProofStatus | 'error'>>({});

  useEffect(() => {
    if (linkToken && householdId) {
      onSession({ token: linkToken, role: 'household', householdId });
      window.history.replaceState(null, '', `#/s?h=${encodeURIComponent(householdId)}`);
    }
  }, [linkToken, householdId, onSession]);

  useEffect(() => {
    if (!token || !householdId) return;
    setError(undefined);
    api<Statement>(`/v1/households/${encodeURIComponent(householdId)}/statement`, { token }).then(setStatement, (e) => {
      setStatement(undefined);
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) setError(t.notYours);
      else if (e instanceof ApiError && e.status === 401) setError(t.linkExpired);
      else setError(e instanceof Error ? e.message : t.error);
    });
  }, [token, householdId, lang, t]);

  // Each payment on the card checked in this browser against the published seal roots (proof-check.ts).
  useEffect(() => {
    if (!statement || !token) return;
    let cancelled = false;
    setProofs({});
    publishedRoots().then(
      async (roots) => {
        for (const line of statement.lines) {
          const result = await checkPayment(line.paymentId, token, roots).catch(() => 'error' as const);
          if (cancelled) return;
          setProofs((p) => ({ ...p, [line.paymentId]: result }));
        }
      },
      () => {
        if (!cancelled) setProofs(Object.fromEntries(statement.lines.map((l) => [l.paymentId, 'error' as const])));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [statement, token]);

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12, background: '#fff', minHeight: '100vh' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t.myStatement}
        </Typography.Title>
        <Button size="small" onClick={props.onSwitchLang}>
          {t.language}
        </Button>
      </div>
      {(!token || !householdId) && <Alert type="warning" showIcon message={t.linkMissing} style={{ marginTop: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />}
      {!statement && !error && token && householdId && <Spin style={{ display: 'block', marginTop: 32 }} />}
      {statement && (
        <>
          <Card size="small" style={{ marginTop: 12, background: '#fff7e6' }}>
            <div style={{ fontSize: 16 }}>
              {statement.household.headName} · {statement.household.village}
            </div>
            <div style={{ color: '#666' }}>
              {t.registrationNo}：{statement.household.registrationNo}
            </div>
            <div style={{ marginTop: 8 }}>{t.receivedTotal}</div>
            <div style={{ fontSize: 28, fontWeight: 600, color: '#b7312c' }}>{formatYuan(statement.totalFen)} 元</div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 4 }}>
              {(['equity', 'lease', 'labour', 'order', 'credit'] as const).map((f) => (
                <span key={f}>
                  {label(t, f)} {formatYuan(statement.byForm[f])}
                </span>
              ))}
            </div>
          </Card>
          <List
            style={{ marginTop: 8 }}
            dataSource={statement.lines}
            locale={{ emptyText: t.noData }}
            renderItem={(l) => (
              <List.Item style={{ display: 'block' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <strong>
                    {label(t, l.kind)} · {l.entity?.name ?? t.fiscalSubsidy}
                  </strong>
                  <strong style={{ whiteSpace: 'nowrap', textDecoration: l.reversed ? 'line-through' : undefined }}>
                    {formatYuan(l.amountFen)} 元
                  </strong>
                </div>
                <div style={{ color: '#666', fontSize: 13 }}>
                  {l.paidOn} · {t.period} {l.period} {l.reversed && <Tag color="red">{t.reversed}</Tag>}{' '}
                  <ProofTag status={proofs[l.paymentId]} lang={lang} />
                </div>
                <div style={{ fontSize: 14, marginTop: 4, lineHeight: 1.6 }}>{l.explanation}</div>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
