import { Alert, Button, Card, Collapse, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import {
  dateText,
  FORM_WORDS,
  HOTLINE_WORDS,
  OWED_KIND_WORDS,
  periodText,
  STATEMENT_FORMS,
  STATUS_WORDS,
  yearText,
} from '@ledger/contract';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { Route } from '../route';
import type { Session } from '../session';
import type { Statement } from '../types';
import { checkPayment, publishedRoots, type ProofStatus } from '../proof-check';
import { ProofTag } from './ProofTag';
import { AcknowledgeCard } from './AcknowledgeCard';

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
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12, background: '#fff', minHeight: '100vh', fontSize: 17 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t.myStatement}
        </Typography.Title>
        <Button onClick={props.onSwitchLang}>{t.language}</Button>
      </div>
      {(!token || !householdId) && <Alert type="warning" showIcon message={t.linkMissing} style={{ marginTop: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />}
      {!statement && !error && token && householdId && <Spin style={{ display: 'block', marginTop: 32 }} />}
      {statement && <PhoneStatement statement={statement} lang={lang} proofs={proofs} />}
      {statement && token && <AcknowledgeCard statement={statement} token={token} />}
    </div>
  );
}

const RED = '#b7312c';

/**
 * The statement for a phone: large type; what was received, collapsed by year, newest first, each
 * year with its subtotal; what is still owed; whom to call. Words from the glossary the printed card
 * uses, so both say the same thing.
 */
function PhoneStatement({
  statement,
  lang,
  proofs,
}: {
  statement: Statement;
  lang: 'zh' | 'en';
  /** Each payment checked in this browser against the published seal roots. */
  proofs: Record<string, ProofStatus | 'error'>;
}) {
  const { t } = useT();
  const zh = lang === 'zh';
  const yuan = (fen: number) => (zh ? `${formatYuan(fen)} 元` : `${formatYuan(fen)} yuan`);
  const years = [...statement.byYear].reverse();
  const linesOf = (year: number) => statement.lines.filter((l) => Number(l.paidOn.slice(0, 4)) === year).reverse();
  // A year with only corrected lines has no subtotal entry; it is listed all the same.
  const allYears = [
    ...new Set([...years.map((y) => y.year), ...statement.lines.map((l) => Number(l.paidOn.slice(0, 4)))]),
  ].sort((a, b) => b - a);
  const subtotal = (year: number) => statement.byYear.find((y) => y.year === year)?.totalFen ?? 0;
  const contact = statement.contact;
  return (
    <>
      <Card size="small" style={{ marginTop: 12, background: '#fff7e6' }}>
        <div style={{ fontSize: 20, fontWeight: 600 }}>
          {statement.household.headName} · {statement.household.village}
        </div>
        <div style={{ color: '#555' }}>
          {t.registrationNo}：{statement.household.registrationNo}
        </div>
        <div style={{ marginTop: 8 }}>{t.receivedTotal}</div>
        <div style={{ fontSize: 32, fontWeight: 700, color: RED }}>{yuan(statement.totalFen)}</div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 4 }}>
          {STATEMENT_FORMS.filter((f) => statement.byForm[f] !== 0).map((f) => (
            <span key={f}>
              {FORM_WORDS[lang][f]} {formatYuan(statement.byForm[f])}
            </span>
          ))}
        </div>
      </Card>
      <Collapse
        style={{ marginTop: 12, fontSize: 17 }}
        defaultActiveKey={allYears.length ? [String(allYears[0])] : []}
        items={allYears.map((year) => ({
          key: String(year),
          label: (
            <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 19, fontWeight: 600 }}>
              <span>{yearText(year, lang)}</span>
              <span style={{ color: RED }}>{yuan(subtotal(year))}</span>
            </div>
          ),
          children: (
            <List
              dataSource={linesOf(year)}
              renderItem={(l) => (
                <List.Item style={{ display: 'block' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 18 }}>
                    <strong>{FORM_WORDS[lang][l.form]}</strong>
                    <strong
                      style={{ whiteSpace: 'nowrap', textDecoration: l.status === 'paid' ? undefined : 'line-through' }}
                    >
                      {yuan(l.amountFen)}
                    </strong>
                  </div>
                  <div style={{ color: '#555' }}>
                    {dateText(l.paidOn, lang)} · {periodText(l.period, lang)}
                    {l.reference ? ` · ${t.reference} ${l.reference}` : ''}{' '}
                    {l.status !== 'paid' && <Tag color="red">{STATUS_WORDS[lang][l.status]}</Tag>}{' '}
                    <ProofTag status={proofs[l.paymentId]} lang={lang} />
                  </div>
                  <div style={{ marginTop: 4, lineHeight: 1.7 }}>{l.explanation}</div>
                </List.Item>
              )}
            />
          ),
        }))}
      />
      {statement.lines.length === 0 && <div style={{ marginTop: 12, color: '#555' }}>{t.noData}</div>}
      <Card
        size="small"
        title={<span style={{ fontSize: 19 }}>{zh ? '还欠您的钱' : 'Still owed to you'}</span>}
        style={{ marginTop: 12 }}
      >
        {statement.owed.items.length === 0 ? (
          <div>{zh ? '目前没有拖欠您的钱。' : 'Nothing is owed to you at present.'}</div>
        ) : (
          <>
            <div style={{ fontSize: 24, fontWeight: 700, color: RED }}>{yuan(statement.owed.outstandingFen)}</div>
            <List
              dataSource={statement.owed.items}
              renderItem={(i) => (
                <List.Item style={{ display: 'block' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <strong>{i.entity.name}</strong>
                    <strong style={{ whiteSpace: 'nowrap' }}>{yuan(i.outstandingFen)}</strong>
                  </div>
                  <div style={{ color: '#555' }}>
                    {periodText(i.period, lang)} {OWED_KIND_WORDS[lang][i.kind]} · {zh ? '应付日期' : 'due'}{' '}
                    {dateText(i.dueOn, lang)}
                  </div>
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
      <Card
        size="small"
        title={<span style={{ fontSize: 19 }}>{zh ? '有疑问找谁' : 'Whom to ask'}</span>}
        style={{ marginTop: 12 }}
      >
        {contact.office && <div style={{ fontWeight: 600 }}>{contact.office}</div>}
        {contact.phone && (
          <div>
            <a href={`tel:${contact.phone}`} style={{ fontSize: 20 }}>
              {contact.phone}
            </a>
          </div>
        )}
        <div style={{ marginTop: 6 }}>
          <a href={`tel:${contact.hotline}`} style={{ fontSize: 20 }}>
            {HOTLINE_WORDS[lang](contact.hotline)}
          </a>
        </div>
      </Card>
    </>
  );
}
