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
import type { Statement } from '../types';
import { ProofBadge } from './ProofBadge';
import { statementYears } from './statement-years';
import type { Proofs } from './use-household-statement';

/**
 * The statement for a phone: large type; what was received, collapsed by year (a `<details>` each,
 * the newest open), newest first, each year with its subtotal; what is still owed; whom to call.
 * Words from the glossary the printed card uses, so both say the same thing.
 */
export function PhoneStatement({ statement, proofs }: { statement: Statement; proofs: Proofs }) {
  const { t, lang } = useT();
  const zh = lang === 'zh';
  const yuan = (fen: number) => (zh ? `${formatYuan(fen)} 元` : `${formatYuan(fen)} yuan`);
  const contact = statement.contact;
  return (
    <>
      <section className="card summary">
        <div className="who">
          {statement.household.headName} · {statement.household.village}
        </div>
        <div className="muted">
          {t.registrationNo}：{statement.household.registrationNo}
        </div>
        <div className="label">{t.receivedTotal}</div>
        <div className="total">{yuan(statement.totalFen)}</div>
        <div className="forms">
          {STATEMENT_FORMS.filter((f) => statement.byForm[f] !== 0).map((f) => (
            <span key={f}>
              {FORM_WORDS[lang][f]} {formatYuan(statement.byForm[f])}
            </span>
          ))}
        </div>
      </section>
      {statementYears(statement).map(({ year, subtotalFen, lines }, i) => (
        <details key={year} className="card year" open={i === 0}>
          <summary>
            <span>{yearText(year, lang)}</span>
            <span className="amount">{yuan(subtotalFen)}</span>
          </summary>
          <ul>
            {lines.map((l) => (
              <li key={l.paymentId}>
                <div className="line">
                  <strong>{FORM_WORDS[lang][l.form]}</strong>
                  <strong className={l.status === 'paid' ? 'nowrap' : 'nowrap struck'}>{yuan(l.amountFen)}</strong>
                </div>
                <div className="muted">
                  {dateText(l.paidOn, lang)} · {periodText(l.period, lang)}
                  {l.reference ? ` · ${t.reference} ${l.reference}` : ''}{' '}
                  {l.status !== 'paid' && <span className="badge red">{STATUS_WORDS[lang][l.status]}</span>}{' '}
                  <ProofBadge status={proofs[l.paymentId]} lang={lang} />
                </div>
                <div className="explanation">{l.explanation}</div>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {statement.lines.length === 0 && <p className="muted">{t.noData}</p>}
      <section className="card">
        <h2>{zh ? '还欠您的钱' : 'Still owed to you'}</h2>
        {statement.owed.items.length === 0 ? (
          <div>{zh ? '目前没有拖欠您的钱。' : 'Nothing is owed to you at present.'}</div>
        ) : (
          <>
            <div className="owed">{yuan(statement.owed.outstandingFen)}</div>
            <ul>
              {statement.owed.items.map((i) => (
                <li key={`${i.entity.name}-${i.period}-${i.kind}`}>
                  <div className="line">
                    <strong>{i.entity.name}</strong>
                    <strong className="nowrap">{yuan(i.outstandingFen)}</strong>
                  </div>
                  <div className="muted">
                    {periodText(i.period, lang)} {OWED_KIND_WORDS[lang][i.kind]} · {zh ? '应付日期' : 'due'}{' '}
                    {dateText(i.dueOn, lang)}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card">
        <h2>{zh ? '有疑问找谁' : 'Whom to ask'}</h2>
        {contact.office && <div className="office">{contact.office}</div>}
        {contact.phone && (
          <div>
            <a className="call" href={`tel:${contact.phone}`}>
              {contact.phone}
            </a>
          </div>
        )}
        <div>
          <a className="call" href={`tel:${contact.hotline}`}>
            {HOTLINE_WORDS[lang](contact.hotline)}
          </a>
        </div>
      </section>
    </>
  );
}
