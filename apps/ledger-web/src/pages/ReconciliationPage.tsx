import { Button, Card, Form, Input, Modal, Popconfirm, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ReconciledHousehold,
  ReconciliationList,
  ReconciliationSummary,
  ReconciliationView,
  ReturnedRowView,
  WriteResult,
} from '@ledger/contract';
import { api, apiUpload, newKey, query, UploadKey } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { PageProps } from '../console-routes';
import { go } from '../route';
import { may } from '../session';
import { ErrorAlert } from './ErrorAlert';
import { YearSelect } from '../shell/list-filters';

/**
 * 银行对账: a clerk uploads the bank's file for a township and sees the four lists with totals
 * (matched, amount mismatches, the bank's rows the ledger lacks, the ledger's payments the bank
 * lacks) and the bank's returns; records the returns after confirming, then reissues each returned
 * payment from its row. Past reconciliations are listed and reopen at `#/reconciliations/<id>`.
 */
/** The page at `#/reconciliations[/<id>]`. */
export function ReconciliationRoute({ session, path }: PageProps) {
  return (
    <ReconciliationPage
      token={session.token}
      townships={session.townships}
      canWrite={may.write(session)}
      reconciliationId={path[1]}
    />
  );
}

export function ReconciliationPage(props: {
  token: string;
  townships?: string[];
  canWrite: boolean;
  reconciliationId?: string;
}) {
  const { token, canWrite, reconciliationId } = props;
  const { t, lang } = useT();
  const [township, setTownship] = useState(props.townships?.[0] ?? '');
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<ReconciliationView>();
  const [past, setPast] = useState<ReconciliationList>();
  // The past reconciliations' year filter (the year of the bank statement's first date); none: every year.
  const [year, setYear] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [reissuing, setReissuing] = useState<ReturnedRowView>();
  // The position of the last reconciliation written here: reopening it waits until the list has it.
  const written = useRef<number>(undefined);
  // A double click on 对账 or 记录退回 reconciles (and records the returns) once.
  const uploadKey = useRef(new UploadKey());

  const loadPast = useCallback(
    (minPosition?: number) =>
      api<ReconciliationList>(`/v1/reconciliations${query({ township: township || undefined, year, minPosition })}`, {
        token,
      }).then(setPast, (e: Error) => setError(e)),
    [token, township, year],
  );
  const open = useCallback(
    (id: string, minPosition?: number) =>
      api<ReconciliationView>(`/v1/reconciliations/${encodeURIComponent(id)}${query({ minPosition })}`, {
        token,
      }).then(setResult, (e: Error) => setError(e)),
    [token],
  );
  useEffect(() => {
    void loadPast();
  }, [loadPast, lang]);
  useEffect(() => {
    if (reconciliationId) void open(reconciliationId, written.current);
  }, [reconciliationId, open, lang]);

  const reconcile = async (applyReturns: boolean) => {
    if (!file || !township.trim()) {
      setError(new Error(`${t.required}：${!file ? t.rcFile : t.township}`));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const path = `/v1/reconciliations${query({ township: township.trim(), apply: applyReturns ? 'returns' : undefined })}`;
      const { body } = await apiUpload<ReconciliationView>(path, file, {
        token,
        idempotencyKey: uploadKey.current.current,
      });
      uploadKey.current.settle();
      setResult(body);
      written.current = body.position;
      go(`/reconciliations/${body.id}`);
      await loadPast(body.position);
    } catch (e) {
      uploadKey.current.settle(e);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const toApply = result?.returned.filter((r) => r.status === 'paid').length ?? 0;
  // Returns this reconciliation decided and that were interrupted after it was kept.
  const pending = result?.returned.filter((r) => r.returnApplication === 'pending').length ?? 0;
  const applyPending = async () => {
    if (!result) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = await api<ReconciliationView>(`/v1/reconciliations/${encodeURIComponent(result.id)}/returns`, {
        method: 'POST',
        token,
        idempotencyKey: newKey(),
      });
      setResult(body);
      await loadPast(body.position);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t.rcTitle}>
        <Typography.Paragraph type="secondary">{t.rcHelp}</Typography.Paragraph>
        {canWrite && (
          <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} onFinish={() => void reconcile(false)}>
            <Form.Item label={t.township} required>
              <Input
                value={township}
                onChange={(e) => {
                  uploadKey.current.renew();
                  setTownship(e.target.value);
                }}
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item label={t.rcFile} htmlFor="bank-file" required>
              <input
                id="bank-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  uploadKey.current.renew();
                  setFile(e.target.files?.[0]);
                }}
                onClick={(e) => {
                  (e.target as HTMLInputElement).value = '';
                }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.rcRun}
            </Button>
            <Popconfirm
              title={t.rcApply}
              description={<div style={{ maxWidth: 360 }}>{t.rcApplyConfirm(toApply)}</div>}
              okText={t.rcApply}
              cancelText={t.cancel}
              disabled={!result || toApply === 0 || !file}
              onConfirm={() => void reconcile(true)}
            >
              <Button danger disabled={!result || toApply === 0 || !file} loading={busy}>
                {toApply === 0 && result ? t.rcNothingToApply : t.rcApply}
              </Button>
            </Popconfirm>
          </Form>
        )}
        <ErrorAlert error={error} />
        {canWrite && pending > 0 && (
          <Button danger loading={busy} onClick={() => void applyPending()} style={{ marginBottom: 8 }}>
            {t.rcApplyPending(pending)}
          </Button>
        )}
        {result && <Outcome result={result} canWrite={canWrite} onReissue={setReissuing} />}
      </Card>
      <PastReconciliations past={past} year={year} onYear={setYear} onOpen={(id) => go(`/reconciliations/${id}`)} />
      {reissuing && (
        <ReissueDialog
          token={token}
          row={reissuing}
          onClose={() => setReissuing(undefined)}
          onDone={(written) => {
            setReissuing(undefined);
            if (result) void open(result.id, written.position);
          }}
        />
      )}
    </Space>
  );
}

function who(t: ReturnType<typeof useT>['t'], h: ReconciledHousehold | null): React.ReactNode {
  if (!h) return <Typography.Text type="secondary">{t.rcNoHousehold}</Typography.Text>;
  return (
    <a href={`#/h/${encodeURIComponent(h.id)}`}>
      {h.headName}（{h.registrationNo}）
    </a>
  );
}

const yuan = { align: 'right' as const, render: (fen: number) => formatYuan(fen) };
const orDash = (v: string | null) => v ?? '—';

/** The columns the lists share, built once per language: each table names only which it shows. */
function sharedColumns(t: ReturnType<typeof useT>['t']) {
  return {
    row: { title: t.row, dataIndex: 'row' },
    household: {
      title: t.household,
      key: 'household',
      render: (_: unknown, i: { household: ReconciledHousehold | null }) => who(t, i.household),
    },
    payment: { title: t.rcPayment, dataIndex: 'paymentId', className: 'nowrap' },
    date: { title: t.rcDate, dataIndex: 'date', className: 'nowrap' },
    reference: { title: t.rcReference, dataIndex: 'reference', render: orDash },
    /** Money in yuan, from a `...Fen` field (the amount, unless another is named). */
    yuan: (title: string, dataIndex = 'amountFen') => ({ title, dataIndex, ...yuan }),
  };
}

/** One list as a compact table; `paged` for the long one (matched rows). */
function ListTable<Row extends object>(props: {
  rowKey: keyof Row & string;
  rows: readonly Row[];
  columns: TableColumnsType<Row>;
  paged?: boolean;
}) {
  return (
    <Table<Row>
      rowKey={props.rowKey}
      size="small"
      pagination={props.paged ? { pageSize: 50, hideOnSinglePage: true } : false}
      dataSource={[...props.rows]}
      columns={props.columns}
    />
  );
}

/** The lists of one reconciliation, with counts and totals in yuan. */
function Outcome(props: { result: ReconciliationView; canWrite: boolean; onReissue: (row: ReturnedRowView) => void }) {
  const { t } = useT();
  const r = props.result;
  const c = sharedColumns(t);
  const tab = (key: string, title: string, count: number, fen: number, children: React.ReactNode) => ({
    key,
    label: `${title}（${count}，${formatYuan(fen)} 元）`,
    children,
  });
  return (
    <>
      <Space wrap size="large" style={{ marginBottom: 8 }}>
        <Statistic title={t.rcRows} value={r.rows} />
        <Statistic title={t.rcMatched} value={r.matched} suffix={`/ ${formatYuan(r.totals.matchedFen)}`} />
        <Statistic title={t.rcReturned} value={r.returned.length} suffix={`/ ${formatYuan(r.totals.returnedFen)}`} />
        <Statistic title={t.rcMismatches} value={r.amountMismatches.length} valueStyle={{ color: '#cf1322' }} />
        <Statistic title={t.rcBankOnly} value={r.unmatchedBankRows.length} />
        <Statistic title={t.rcLedgerOnly} value={r.unmatchedPayments.length} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.rcFileName}：{r.fileName} · {t.township}：{r.township} · {t.rcRecordedAt}：{r.recordedAt} · {t.rcSha256}：
        <Typography.Text code copyable>
          {r.sha256}
        </Typography.Text>
      </Typography.Paragraph>
      <Tabs
        items={[
          tab(
            'returned',
            t.rcReturned,
            r.returned.length,
            r.totals.returnedFen,
            <ListTable<ReturnedRowView>
              rowKey="row"
              rows={r.returned}
              columns={[
                c.row,
                c.household,
                c.payment,
                c.date,
                c.yuan(t.rcAmountYuan),
                {
                  title: t.rcState,
                  key: 'status',
                  render: (_, row) => (
                    <Space>
                      <Tag color={row.status === 'returned' ? 'red' : row.status === 'reissued' ? 'green' : 'default'}>
                        {label(t, `rcState_${row.status}`)}
                      </Tag>
                      {row.returnApplication === 'pending' ? (
                        <Tag color="orange">{t.rcReturnPending}</Tag>
                      ) : row.returnApplication === 'void' ? (
                        <Tag>{t.rcReturnVoid}</Tag>
                      ) : row.returnApplication === 'appliedElsewhere' ? (
                        <Tag title={row.returnAppliedBy}>{t.rcReturnElsewhere}</Tag>
                      ) : (
                        row.returnRecorded && <Tag>{t.rcRecordedHere}</Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: '',
                  key: 'action',
                  render: (_, row) =>
                    props.canWrite && row.status === 'returned' ? (
                      <Button size="small" onClick={() => props.onReissue(row)}>
                        {t.rcReissue}
                      </Button>
                    ) : null,
                },
              ]}
            />,
          ),
          tab(
            'mismatches',
            t.rcMismatches,
            r.amountMismatches.length,
            r.totals.mismatchBankFen,
            <ListTable
              rowKey="row"
              rows={r.amountMismatches}
              columns={[
                c.row,
                c.household,
                c.payment,
                c.date,
                c.yuan(t.rcBankYuan, 'bankFen'),
                c.yuan(t.rcLedgerYuan, 'ledgerFen'),
              ]}
            />,
          ),
          tab(
            'bank-only',
            t.rcBankOnly,
            r.unmatchedBankRows.length,
            r.totals.unmatchedBankRowsFen,
            <ListTable
              rowKey="row"
              rows={r.unmatchedBankRows}
              columns={[
                c.row,
                c.reference,
                { title: t.registrationNo, dataIndex: 'registrationNo', render: orDash },
                c.household,
                c.date,
                { title: t.rcBankStatus, dataIndex: 'status' },
                c.yuan(t.rcAmountYuan),
              ]}
            />,
          ),
          tab(
            'ledger-only',
            t.rcLedgerOnly,
            r.unmatchedPayments.length,
            r.totals.unmatchedPaymentsFen,
            <ListTable
              rowKey="paymentId"
              rows={r.unmatchedPayments}
              columns={[
                c.household,
                c.payment,
                c.reference,
                { title: t.paidOn, dataIndex: 'paidOn', className: 'nowrap' },
                c.yuan(t.rcAmountYuan),
              ]}
            />,
          ),
          tab(
            'matched',
            t.rcMatched,
            r.matched,
            r.totals.matchedFen,
            <ListTable
              rowKey="row"
              rows={r.matchedRows}
              paged
              columns={[c.row, c.household, c.payment, c.date, c.yuan(t.rcAmountYuan)]}
            />,
          ),
        ]}
      />
    </>
  );
}

/** Pays a returned payment again (`POST /v1/payments/{id}/reissue`), one key per open dialog. */
function ReissueDialog(props: {
  token: string;
  row: ReturnedRowView;
  onClose: () => void;
  onDone: (written: WriteResult) => void;
}) {
  const { t } = useT();
  const key = useRef(newKey());
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { paidOn: string; reference?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const written = await api<WriteResult>(`/v1/payments/${encodeURIComponent(props.row.paymentId)}/reissue`, {
        method: 'POST',
        token: props.token,
        idempotencyKey: key.current,
        body: { paidOn: v.paidOn, ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}) },
      });
      props.onDone(written);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t.rcReissueTitle} onCancel={props.onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        {props.row.household?.headName ?? props.row.paymentId} · {formatYuan(props.row.amountFen)} 元
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form layout="vertical" onFinish={(v: { paidOn: string; reference?: string }) => void submit(v)}>
        <Form.Item name="paidOn" label={t.paidOn} rules={[{ required: true, message: t.required }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reference" label={t.reference}>
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.rcReissue}
        </Button>
      </Form>
    </Modal>
  );
}

function PastReconciliations(props: {
  past?: ReconciliationList;
  year?: number;
  onYear: (year?: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useT();
  const { past } = props;
  return (
    <Card
      title={t.rcPast}
      extra={
        <Space>
          {t.year}
          <YearSelect value={props.year} onChange={props.onYear} />
        </Space>
      }
    >
      {past && (
        <Typography.Paragraph type="secondary">
          {t.rcTotals}：{past.totals.reconciliations} · {t.rcRows} {past.totals.rows} · {t.rcMatched}{' '}
          {past.totals.matched} · {t.rcReturned} {past.totals.returned} · {t.rcMismatches}{' '}
          {past.totals.amountMismatches} · {t.rcBankOnly} {past.totals.unmatchedBankRows} · {t.rcLedgerOnly}{' '}
          {past.totals.unmatchedPayments}
        </Typography.Paragraph>
      )}
      <Table<ReconciliationSummary>
        rowKey="id"
        size="small"
        dataSource={past?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t.rcRecordedAt, dataIndex: 'recordedAt', className: 'nowrap' },
          { title: t.township, dataIndex: 'township' },
          { title: t.rcFileName, dataIndex: 'fileName' },
          { title: t.rcRows, dataIndex: 'rows' },
          { title: t.rcMatched, dataIndex: 'matched' },
          { title: t.rcReturned, dataIndex: 'returned' },
          { title: t.rcMismatches, dataIndex: 'amountMismatches' },
          { title: t.rcBankOnly, dataIndex: 'unmatchedBankRows' },
          { title: t.rcLedgerOnly, dataIndex: 'unmatchedPayments' },
          {
            title: t.rcAppliedReturns,
            dataIndex: 'returnsRecorded',
          },
          {
            title: '',
            key: 'open',
            render: (_, i) => (
              <Button size="small" onClick={() => props.onOpen(i.id)}>
                {t.rcOpen}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
