import { formatYuan } from '../../primitives/money';
import {
  acknowledgementText,
  dateText,
  HOTLINE_WORDS,
  OWED_KIND_WORDS,
  periodText,
  STAKE_SOURCE_WORDS,
  STAKE_STATUS_WORDS,
  STATUS_WORDS,
  WAGE_BASIS_WORDS,
} from '../glossary';
import type { StatementForm, StatementLang } from '../statement.view';
import { STATEMENT_FORMS, statementTotals, type PrintableLine, type PrintableStatement } from './printable-statement';
import { addressOf, instantInChina, labelsFor, periodOf, type StatementLabels } from './statement-labels';

/**
 * A clarity card in words, laid out by neither HTML nor PDF: both render this, so they say the same
 * thing, and every word a household reads comes from the glossary (never an API code or an id).
 */
export interface CardContent {
  lang: StatementLang;
  t: StatementLabels;
  title: string;
  /** Who the card is for, as printed on every page. */
  who: string;
  facts: [string, string][];
  /** When the ledger was read and the card printed, small print. */
  provenance: string;
  /** The forms money came through (at least one box: the total always shows). */
  formTotals: { label: string; fen: number; text: string }[];
  totalFen: number;
  totalText: string;
  counts: string;
  /** The received lines, oldest year first, each year closed by its subtotal. */
  years: CardYear[];
  owed: { rows: CardOwed[]; totalText: string } | undefined;
  holdings: CardHolding[] | undefined;
  contact: { office: string; phone: string; hotline: string } | undefined;
  /** The household's latest acknowledgement in words (已于…签字确认至…), when there is one. */
  acknowledgement: string | undefined;
}

export interface CardYear {
  year: number;
  lines: CardLine[];
  subtotalFen: number;
  subtotalLabel: string;
  subtotalText: string;
  /** `入股分红 2,000.00 · 土地租金 1,250.00` */
  byFormText: string;
}

export interface CardLine {
  /** For the screen reader and the phone page's list keys; never printed. */
  key: string;
  date: string;
  form: string;
  period: string;
  amountFen: number;
  amountText: string;
  reference: string | undefined;
  explanation: string;
  /** Set on a line not counted: `已更正 · 不计入合计`. */
  mark: string | undefined;
  note: string | undefined;
  counted: boolean;
}

export interface CardOwed {
  entity: string;
  what: string;
  since: string;
  dueText: string;
  paidText: string;
  outstandingText: string;
}

export interface CardHolding {
  kind: string;
  entity: string;
  terms: string;
  term: string;
  status: string | undefined;
}

/** Everything the card prints, in `lang`. */
export function cardContent(statement: PrintableStatement, lang: StatementLang): CardContent {
  const t = labelsFor(lang);
  const h = statement.household;
  const totals = statementTotals(statement.lines);
  const provenance = [
    statement.asOf ? `${t.asOf} ${instantInChina(statement.asOf, lang)}` : undefined,
    `${t.position} ${statement.position}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const forms = STATEMENT_FORMS.filter((f) => totals.byForm[f] !== 0);
  return {
    lang,
    t,
    title: `${t.title} · ${h.headName} · ${h.registrationNo}`,
    who: `${t.headName} ${h.headName} · ${t.registrationNo} ${h.registrationNo}`,
    facts: [
      [t.headName, h.headName],
      [t.registrationNo, h.registrationNo],
      [t.address, addressOf(h, lang)],
      [t.period, periodOf(statement, lang)],
    ],
    provenance,
    formTotals: forms.map((f) => ({ label: t.forms[f], fen: totals.byForm[f], text: formatYuan(totals.byForm[f]) })),
    totalFen: totals.totalFen,
    totalText: formatYuan(totals.totalFen),
    counts: t.counts(totals.counted, totals.reversed),
    years: yearsOf(statement.lines, lang, t),
    owed: statement.owed && {
      rows: statement.owed.items.map((i) => ({
        entity: i.entity.name,
        what: `${periodText(i.period, lang)}${lang === 'zh' ? '' : ' '}${OWED_KIND_WORDS[lang][i.kind]}`,
        since: dateText(i.dueOn, lang),
        dueText: formatYuan(i.dueFen),
        paidText: formatYuan(i.paidFen),
        outstandingText: formatYuan(i.outstandingFen),
      })),
      totalText: formatYuan(statement.owed.outstandingFen),
    },
    holdings: statement.holdings && holdingsOf(statement.holdings, lang, t),
    contact: statement.contact && {
      office: statement.contact.office ?? t.officeUnset,
      phone: statement.contact.phone ?? '—',
      hotline: HOTLINE_WORDS[lang](statement.contact.hotline),
    },
    acknowledgement: statement.acknowledgement && acknowledgementText(statement.acknowledgement, lang),
  };
}

function yearsOf(lines: readonly PrintableLine[], lang: StatementLang, t: StatementLabels): CardYear[] {
  const years: CardYear[] = [];
  const byForm = new Map<number, Map<StatementForm, number>>();
  for (const line of lines) {
    const year = Number(line.paidOn.slice(0, 4));
    let current = years[years.length - 1];
    if (!current || current.year !== year) {
      current = {
        year,
        lines: [],
        subtotalFen: 0,
        subtotalLabel: t.yearSubtotal(year),
        subtotalText: '',
        byFormText: '',
      };
      years.push(current);
      byForm.set(year, new Map());
    }
    const counted = !line.reversed && (line.status ?? 'paid') === 'paid';
    if (counted) {
      current.subtotalFen += line.amountFen;
      const forms = byForm.get(year)!;
      forms.set(line.form, (forms.get(line.form) ?? 0) + line.amountFen);
    }
    const status = line.status ?? (line.reversed ? 'reversed' : 'paid');
    current.lines.push({
      key: line.paymentId,
      date: dateText(line.paidOn, lang),
      form: t.forms[line.form],
      period: line.period ? periodText(line.period, lang) : '—',
      amountFen: line.amountFen,
      amountText: formatYuan(line.amountFen),
      reference: line.reference ?? undefined,
      explanation: line.explanation,
      mark: counted ? undefined : status === 'reversed' ? t.reversedMark : STATUS_WORDS[lang][status],
      // The explanation already carries the household's note on a corrected line.
      note: undefined,
      counted,
    });
  }
  for (const y of years) {
    y.subtotalText = formatYuan(y.subtotalFen);
    const forms = byForm.get(y.year)!;
    y.byFormText = STATEMENT_FORMS.filter((f) => forms.has(f))
      .map((f) => `${t.forms[f]} ${formatYuan(forms.get(f)!)}`)
      .join(' · ');
  }
  return years;
}

function termText(startsOn: string, endsOn: string | undefined, lang: StatementLang): string {
  const from = dateText(startsOn, lang);
  if (!endsOn) return lang === 'zh' ? `${from}起` : `from ${from}`;
  return lang === 'zh' ? `${from}至${dateText(endsOn, lang)}` : `${from} to ${dateText(endsOn, lang)}`;
}

function holdingsOf(
  holdings: NonNullable<PrintableStatement['holdings']>,
  lang: StatementLang,
  t: StatementLabels,
): CardHolding[] {
  const zh = lang === 'zh';
  const yuan = (fen: number) => (zh ? `${formatYuan(fen)}元` : `${formatYuan(fen)} yuan`);
  return [
    ...holdings.stakes.map((s) => ({
      kind: t.holdingKinds.stakes,
      entity: s.entity.name,
      terms: [
        STAKE_SOURCE_WORDS[lang][s.source],
        s.project ? (zh ? `（${s.project.name}）` : ` (${s.project.name})`) : '',
        zh ? `，本金${yuan(s.principalFen)}，${s.shares}股` : `, principal ${yuan(s.principalFen)}, ${s.shares} shares`,
        s.guaranteedYearlyFen !== undefined
          ? zh
            ? `，每年保底分红${yuan(s.guaranteedYearlyFen)}`
            : `, guaranteed ${yuan(s.guaranteedYearlyFen)} a year`
          : '',
      ].join(''),
      term: termText(s.startsOn, s.endsOn, lang),
      status: STAKE_STATUS_WORDS[lang][s.status],
    })),
    ...holdings.leases.map((l) => ({
      kind: t.holdingKinds.leases,
      entity: l.entity.name,
      terms: zh
        ? `${l.areaMu}亩，每亩每年${yuan(l.rentPerMuYearFen)}`
        : `${l.areaMu} mu at ${yuan(l.rentPerMuYearFen)} per mu a year`,
      term: termText(l.startsOn, l.endsOn, lang),
      status: undefined,
    })),
    ...holdings.employments.map((e) => ({
      kind: t.holdingKinds.employments,
      entity: e.entity.name,
      terms: zh
        ? `${e.workerName}，${WAGE_BASIS_WORDS.zh[e.wageBasis]}${yuan(e.rateFen)}`
        : `${e.workerName}, ${yuan(e.rateFen)} ${WAGE_BASIS_WORDS.en[e.wageBasis]}`,
      term: termText(e.startsOn, e.endsOn, lang),
      status: undefined,
    })),
    ...holdings.orders.map((o) => ({
      kind: t.holdingKinds.orders,
      entity: o.entity.name,
      terms: zh
        ? `收购${o.product}，每${o.unit}${yuan(o.priceFen)}`
        : `${o.product} bought at ${yuan(o.priceFen)} per ${o.unit}`,
      term: termText(o.startsOn, o.endsOn, lang),
      status: undefined,
    })),
    // A loan is what the household owes, not what it earns: shown so the card is the whole picture.
    ...(holdings.loans ?? []).map((l) => ({
      kind: t.holdingKinds.loans,
      entity: l.entity ? l.entity.name : l.lender,
      terms: zh
        ? `${l.lender}贷款${yuan(l.principalFen)}，尚欠本金${yuan(l.outstandingPrincipalFen)}`
        : `${yuan(l.principalFen)} from ${l.lender}, ${yuan(l.outstandingPrincipalFen)} principal still owed`,
      term: termText(l.disbursedOn, l.maturesOn, lang),
      status: undefined,
    })),
  ];
}
