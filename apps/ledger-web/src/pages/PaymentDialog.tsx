import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, fieldErrors, newKey } from '../api';
import { label, useT, type Text } from '../i18n';
import { formatYuan, parseQuantity, parseYuanToFen, purchaseAmountFen } from '../money';
import { sanityWarnings, type SanityWarning } from '@ledger/contract';
import type { DividendView, HouseholdLinkage, LeaseView } from '../types';

interface PaymentForm {
  period?: string;
  amount: string;
  paidOn: string;
  daysWorked?: string;
  supplementary?: boolean;
  quantity?: string;
  deliveredOn?: string;
  reference?: string;
}

type Field = keyof PaymentForm;

/** Where each field of the payment routes' bodies sits in the form (problem details name them by path). */
const FIELDS: Record<string, Field> = {
  period: 'period',
  amountFen: 'amount',
  paidOn: 'paidOn',
  daysWorked: 'daysWorked',
  supplementary: 'supplementary',
  quantity: 'quantity',
  deliveredOn: 'deliveredOn',
  reference: 'reference',
};

const ROUTE: Record<HouseholdLinkage['kind'], string> = {
  employment: 'employments',
  lease: 'leases',
  order: 'orders',
  dividend: 'dividends',
};

export function recordLabel(t: Text, kind: HouseholdLinkage['kind']): string {
  switch (kind) {
    case 'employment':
      return t.recordWage;
    case 'lease':
      return t.recordRent;
    case 'order':
      return t.recordPurchase;
    case 'dividend':
      return t.recordDividend;
  }
}

/** A sanity warning in the clerk's words, with the amounts in yuan. */
function warningText(t: Text, w: SanityWarning): string {
  switch (w.rule) {
    case 'wage_monthly':
      return t.sanityWageMonthly(formatYuan(w.amountFen), formatYuan(w.rateFen));
    case 'wage_daily':
      return t.sanityWageDaily(formatYuan(w.amountFen), formatYuan(w.expectedFen));
    case 'wage_no_days':
      return t.sanityWageNoDays(formatYuan(w.amountFen), formatYuan(w.rateFen));
    case 'rent_above_due':
      return t.sanityRent(formatYuan(w.amountFen), formatYuan(w.dueFen));
    case 'dividend_above_allocation':
      return t.sanityDividend(formatYuan(w.amountFen), formatYuan(w.allocatedFen));
    default: {
      const unknown: never = w;
      return unknown;
    }
  }
}

/** The linkage's terms in a few words (who works, how much land, what produce, which declaration). */
export function termsText(t: Text, l: HouseholdLinkage): string {
  const x = l.terms;
  switch (l.kind) {
    case 'employment':
      return `${t.worker} ${x.workerName ?? ''} · ${label(t, x.wageBasis ?? '')} ${formatYuan(x.rateFen ?? 0)}`;
    case 'lease':
      return `${x.areaMu ?? ''} ${t.areaMu} × ${formatYuan(x.rentPerMuYearFen ?? 0)} ${t.perMuYear} · ${label(t, x.schedule ?? '')}`;
    case 'order':
      return `${x.product ?? ''} · ${formatYuan(x.priceFen ?? 0)} 元/${x.unit ?? ''}`;
    case 'dividend':
      return `${x.period ?? ''} · ${x.declaredOn ?? ''} · ${t.allocatedYuan} ${formatYuan(x.allocatedFen ?? 0)}`;
  }
}

/**
 * Records a payment on one of the household's linkages: a wage (per month), a rent (per period of the
 * lease), a dividend (against a declaration) or a purchase (quantity delivered). Amounts are typed in
 * yuan and become fen by exact string arithmetic; the API's refusals sit beside the field they name.
 */
export function PaymentDialog(props: {
  linkage?: HouseholdLinkage;
  householdId: string;
  token: string;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const { linkage, token, householdId } = props;
  const [form] = Form.useForm<PaymentForm>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const [lease, setLease] = useState<LeaseView>();
  const [dividend, setDividend] = useState<DividendView>();
  const quantity = Form.useWatch('quantity', form);
  const amountText = Form.useWatch('amount', form);
  const daysText = Form.useWatch('daysWorked', form);
  const chosenPeriod = Form.useWatch('period', form);
  // A warned amount is saved only once the clerk ticks that it was checked; changing the amount asks again.
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (!linkage) return;
    setKey(newKey());
    setProblem(undefined);
    setLease(undefined);
    setDividend(undefined);
    setChecked(false);
    form.resetFields();
    const path = `/v1/${ROUTE[linkage.kind]}/${encodeURIComponent(linkage.linkageId)}`;
    if (linkage.kind === 'lease') {
      api<LeaseView>(path, { token }).then((l) => {
        setLease(l);
        const next = l.dues.find((d) => d.outstandingFen > 0);
        if (next) form.setFieldsValue({ period: next.period, amount: formatYuan(next.outstandingFen) });
      }, setProblemOf);
    } else if (linkage.kind === 'dividend') {
      api<DividendView>(path, { token }).then((d) => {
        setDividend(d);
        const mine = d.households.find((h) => 'householdId' in h && h.householdId === householdId);
        if (mine && mine.owedFen > 0) form.setFieldsValue({ amount: formatYuan(mine.owedFen) });
      }, setProblemOf);
    }
  }, [linkage, token, householdId, form]);

  function setProblemOf(e: unknown) {
    setProblem(e instanceof Error ? e.message : String(e));
  }

  const kind = linkage?.kind;
  const contractAmount = (() => {
    if (kind !== 'order' || !quantity || linkage?.terms.priceFen === undefined) return undefined;
    const parsed = parseQuantity(String(quantity).trim());
    if (!parsed.ok) return undefined;
    const fen = purchaseAmountFen(parsed.text, linkage.terms.priceFen);
    return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : undefined;
  })();

  const mine = dividend?.households.find((h) => 'householdId' in h && h.householdId === householdId);
  const typed = amountText ? parseYuanToFen(String(amountText)) : undefined;
  const warnings =
    linkage && typed?.ok
      ? sanityWarnings({
          kind: linkage.kind,
          amountFen: typed.fen,
          wageBasis: linkage.terms.wageBasis,
          rateFen: linkage.terms.rateFen,
          daysWorked: daysText && /^\d+$/.test(String(daysText).trim()) ? Number(daysText) : undefined,
          rentDueFen: lease?.dues.find((d) => d.period === chosenPeriod)?.outstandingFen,
          allocatedFen: mine?.allocatedFen,
        })
      : [];

  const submit = async (v: PaymentForm) => {
    if (!linkage) return;
    const amount = parseYuanToFen(v.amount);
    if (!amount.ok) {
      form.setFields([{ name: 'amount', errors: [t.wrongAmount] }]);
      return;
    }
    if (warnings.length > 0 && !checked) {
      setProblem(t.sanityTitle);
      return;
    }
    const reference = v.reference?.trim() ? { reference: v.reference.trim() } : {};
    let body: Record<string, unknown>;
    switch (linkage.kind) {
      case 'employment':
        body = {
          period: v.period,
          amountFen: amount.fen,
          paidOn: v.paidOn,
          ...(v.daysWorked ? { daysWorked: Number(v.daysWorked) } : {}),
          ...(v.supplementary ? { supplementary: true } : {}),
          ...reference,
        };
        break;
      case 'lease':
        body = { period: v.period, amountFen: amount.fen, paidOn: v.paidOn, ...reference };
        break;
      case 'dividend':
        body = { householdId, amountFen: amount.fen, paidOn: v.paidOn, ...reference };
        break;
      case 'order':
        body = {
          quantity: v.quantity?.trim(),
          amountFen: amount.fen,
          deliveredOn: v.deliveredOn,
          paidOn: v.paidOn,
          ...reference,
        };
        break;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const written = await api<{ id: string; position: number }>(
        `/v1/${ROUTE[linkage.kind]}/${encodeURIComponent(linkage.linkageId)}/payments`,
        { method: 'POST', token, body, idempotencyKey: key },
      );
      props.onWritten(written.position);
    } catch (e) {
      // Problem details name the field (`errors` of a 400, `field` of a refusal): the message goes beside it.
      const mapped = fieldErrors(e, FIELDS);
      form.setFields(mapped.fields);
      if (mapped.fields.length === 0 || mapped.rest.length > 0) {
        const rest = mapped.rest.map((r) => `${r.path}: ${r.message}`).join('；');
        setProblem(rest || (e instanceof Error ? e.message : t.error));
      }
      // A refused write may be corrected and sent again: a new key, so it is not a "different body" replay.
      setKey(newKey());
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t.required }];

  return (
    <Modal
      open={!!linkage}
      title={linkage ? recordLabel(t, linkage.kind) : ''}
      okText={t.confirm}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {linkage && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t.entity}>{linkage.entity.name}</Descriptions.Item>
          <Descriptions.Item label={t.terms}>{termsText(t, linkage)}</Descriptions.Item>
          <Descriptions.Item label={t.linkage}>
            {/* The id only to copy (for a paper trail), not to read. */}
            <Typography.Text type="secondary" copyable={{ text: linkage.linkageId, tooltips: [t.copyId, t.copied] }} />
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<PaymentForm>) => {
          if ('amount' in changed || 'daysWorked' in changed || 'period' in changed) setChecked(false);
        }}
        name={`payment-${kind ?? ''}`}
      >
        {kind === 'employment' && (
          <Form.Item name="period" label={t.month} rules={required}>
            <Input type="month" />
          </Form.Item>
        )}
        {kind === 'lease' && (
          <Form.Item name="period" label={t.period} rules={required}>
            <Select
              loading={!lease}
              options={lease?.dues.map((d) => ({
                value: d.period,
                label:
                  d.outstandingFen > 0 ? t.periodOwed(d.period, formatYuan(d.outstandingFen)) : t.periodPaid(d.period),
              }))}
              onChange={(period: string) => {
                const due = lease?.dues.find((d) => d.period === period);
                if (due && due.outstandingFen > 0) form.setFieldValue('amount', formatYuan(due.outstandingFen));
              }}
            />
          </Form.Item>
        )}
        {kind === 'dividend' && mine && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t.owedNow(formatYuan(mine.owedFen))} />
        )}
        {kind === 'order' && (
          <>
            <Form.Item name="quantity" label={`${t.quantity}（${linkage?.terms.unit ?? ''}）`} rules={required}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="deliveredOn" label={t.deliveredOn} rules={required}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="amount"
          label={t.amount}
          extra={
            contractAmount !== undefined ? (
              <Space size={4}>
                <span>{t.byContract(formatYuan(contractAmount))}</span>
                <Button
                  type="link"
                  size="small"
                  onClick={() => form.setFieldValue('amount', formatYuan(contractAmount))}
                >
                  {t.fillIn}
                </Button>
              </Space>
            ) : (
              t.amountHelp
            )
          }
          rules={required}
        >
          <Input inputMode="decimal" addonAfter="元" />
        </Form.Item>
        <Form.Item name="paidOn" label={t.paidOn} rules={required}>
          <Input type="date" />
        </Form.Item>
        {kind === 'employment' && (
          <Form.Item name="daysWorked" label={t.daysWorked}>
            <Input inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item name="reference" label={t.reference}>
          <Input />
        </Form.Item>
        {kind === 'employment' && (
          <Form.Item name="supplementary" valuePropName="checked">
            <Checkbox>{t.supplementary}</Checkbox>
          </Form.Item>
        )}
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            message={t.sanityTitle}
            description={
              <Space direction="vertical">
                {warnings.map((w) => (
                  <span key={w.rule}>{warningText(t, w)}</span>
                ))}
                <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
                  {t.sanityConfirm}
                </Checkbox>
              </Space>
            }
          />
        )}
        {problem && (problem !== t.sanityTitle || !checked) && (
          <Alert type="error" showIcon role="alert" message={problem} />
        )}
      </Form>
    </Modal>
  );
}
