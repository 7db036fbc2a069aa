import {
  Alert,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { IMPORT_KINDS, KIND_PARAM, KIND_TITLE, type ImportKind } from '@ledger/contract';
import { api, apiCsv, apiUpload, query, saveBlob, UploadKey } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import { go } from '../route';
import { previewRoster, type RosterPreview } from '../roster-file';
import type { Household, ImportReport, ImportRowError, Page } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { rosterAmounts, rosterExample } from './roster-example';
import { DeclarationPicker, DistributionPicker, EntityPicker } from './Pickers';

type Kind = (typeof IMPORT_KINDS)[number];

interface ImportForm {
  kind: Kind;
  entityId?: string;
  declarationId?: string;
  distributionId?: string;
}

const STATUS_COLOR: Record<ImportReport['status'], string> = {
  validated: 'blue',
  processing: 'gold',
  committed: 'green',
  rejected: 'red',
  duplicate: 'orange',
  failed: 'red',
};

/** Opens a household's page by its registration number (what a roster row names). */
function HouseholdByNumber({
  token,
  registrationNo,
  position,
}: {
  token: string;
  registrationNo: string;
  position?: number;
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const page = await api<Page<Household>>(`/v1/households${query({ q: registrationNo, limit: 5 })}`, { token });
      const found = page.items.find((h) => h.registrationNo === registrationNo);
      if (found) go(`/h/${found.id}${position ? `?p=${position}` : ''}`);
      else go(`/households?q=${encodeURIComponent(registrationNo)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" size="small" loading={busy} onClick={() => void open()}>
      {t.openStatement}
    </Button>
  );
}

/**
 * Roster import for clerks: pick the kind (and the entity or declaration it pays), the file; a dry run
 * shows every row with the bad cells marked and why; fix the file, choose it again, dry-run again;
 * then import for real, watch it run, and open what it wrote.
 */
export function ImportPage({ token }: { token: string }) {
  const { t, lang } = useT();
  const [form] = Form.useForm<ImportForm>();
  const kind = Form.useWatch('kind', form) as Kind | undefined;
  const entityId = Form.useWatch<string | undefined>('entityId', form);
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<RosterPreview>();
  const [report, setReport] = useState<ImportReport>();
  /** The dry run that passed, for this very file and these parameters: the commit is offered after it. */
  const [passed, setPassed] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<'dry' | 'commit'>();
  const [onlyBad, setOnlyBad] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);
  const polling = useRef(0);
  // The commit's key: a double click on 导入 imports the roster once.
  const commitKey = useRef(new UploadKey());

  useEffect(() => () => void (polling.current += 1), []);

  const param = kind ? KIND_PARAM[kind] : undefined;
  const signature = (v: ImportForm, f: File | undefined) =>
    f
      ? JSON.stringify([v.kind, v.entityId, v.declarationId, v.distributionId, f.name, f.size, f.lastModified])
      : undefined;

  const chooseFile = async (f: File | undefined) => {
    commitKey.current.renew();
    setFile(f);
    setReport(undefined);
    setPassed(undefined);
    setError(undefined);
    setPreview(f ? await previewRoster(f).catch(() => undefined) : undefined);
  };

  /** What a commit wrote is listed by `GET /v1/imports/{id}` (the upload's answer carries the counts). */
  const showWritten = async (id: string) => {
    setReport(await api<ImportReport>(`/v1/imports/${encodeURIComponent(id)}`, { token }));
  };

  const poll = async (id: string) => {
    const mine = ++polling.current;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (mine !== polling.current) return;
      const next = await api<ImportReport>(`/v1/imports/${encodeURIComponent(id)}`, { token });
      if (mine !== polling.current) return;
      setReport(next);
      if (next.status !== 'processing') return;
    }
  };

  const run = async (dryRun: boolean) => {
    let v: ImportForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!file) {
      fileInput.current?.focus();
      setError(new Error(t.required + '：' + t.file));
      return;
    }
    // The file is read again now: a clerk who fixed it and saved it sends the fixed rows.
    const fresh = await previewRoster(file).catch(() => undefined);
    setPreview(fresh);
    setBusy(dryRun ? 'dry' : 'commit');
    setError(undefined);
    polling.current += 1;
    try {
      const path = `/v1/imports${query({
        kind: v.kind,
        dryRun: String(dryRun),
        ...(param === 'entityId' ? { entityId: v.entityId } : {}),
        ...(param === 'declarationId' ? { declarationId: v.declarationId } : {}),
        ...(param === 'distributionId' ? { distributionId: v.distributionId } : {}),
      })}`;
      const { body } = await apiUpload<ImportReport>(path, file, {
        token,
        ...(dryRun ? {} : { idempotencyKey: commitKey.current.current }),
      });
      if (!dryRun) commitKey.current.settle();
      setReport(body);
      if (dryRun) setPassed(body.status === 'validated' && body.rejected === 0 ? signature(v, file) : undefined);
      else setPassed(undefined);
      if (body.status === 'processing') await poll(body.id);
      else if (body.status === 'committed') await showWritten(body.id);
    } catch (e) {
      if (!dryRun) commitKey.current.settle(e);
      setReport(undefined);
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  /** The xlsx carries the example row and each column's rule on a second sheet the importer never reads. */
  const template = async (format: 'xlsx' | 'csv') => {
    if (!kind) return;
    try {
      saveBlob(await apiCsv(`/v1/imports/templates/${kind}.${format}`, { token }), `${kind}.${format}`);
    } catch (e) {
      setError(e as Error);
    }
  };

  const errorsCsv = async () => {
    if (!report) return;
    try {
      saveBlob(await apiCsv(`/v1/imports/${report.id}/errors.csv`, { token }), `${report.id}-errors.csv`);
    } catch (e) {
      setError(e as Error);
    }
  };

  const currentSignature = signature(form.getFieldsValue(), file);
  const mayCommit = !!passed && passed === currentSignature && !busy;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t.importTitle}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'wages' }}
          onValuesChange={() => {
            commitKey.current.renew();
            setPassed(undefined);
          }}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="kind" label={t.importKind} rules={[{ required: true, message: t.required }]}>
            <Select
              options={IMPORT_KINDS.map((k) => ({
                value: k,
                label: lang === 'zh' ? KIND_TITLE[k].zh : `${KIND_TITLE[k].en} (${k})`,
              }))}
            />
          </Form.Item>
          {(param === 'entityId' || param === 'declarationId' || param === 'distributionId') && (
            <Form.Item name="entityId" label={t.entity} rules={[{ required: true, message: t.required }]}>
              <EntityPicker token={token} />
            </Form.Item>
          )}
          {param === 'declarationId' && (
            <Form.Item name="declarationId" label={t.declaration} rules={[{ required: true, message: t.required }]}>
              <DeclarationPicker token={token} entityId={entityId} />
            </Form.Item>
          )}
          {param === 'distributionId' && (
            <Form.Item name="distributionId" label={t.distribution} rules={[{ required: true, message: t.required }]}>
              <DistributionPicker token={token} collectiveId={entityId} />
            </Form.Item>
          )}
          <Form.Item label={t.file} htmlFor="roster-file" extra={t.fileHelp} required>
            <Space wrap>
              <input
                id="roster-file"
                ref={fileInput}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => void chooseFile(e.target.files?.[0])}
                onClick={(e) => {
                  // Choosing the same (fixed) file again must fire a change.
                  (e.target as HTMLInputElement).value = '';
                }}
              />
              <Button onClick={() => void template('xlsx')} disabled={!kind}>
                {t.template}
              </Button>
              <Button onClick={() => void template('csv')} disabled={!kind}>
                {t.templateCsv}
              </Button>
            </Space>
          </Form.Item>
          {kind && <RosterExample kind={kind} />}
          <Space wrap>
            <Button
              type="primary"
              onClick={() => void run(true)}
              loading={busy === 'dry'}
              disabled={!!busy && busy !== 'dry'}
            >
              {t.dryRun}
            </Button>
            <Button onClick={() => void run(false)} loading={busy === 'commit'} disabled={!mayCommit}>
              {t.commit}
            </Button>
            <Typography.Text type="secondary">{t.dryRunFirst}</Typography.Text>
          </Space>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      {report && (
        <ImportResult
          token={token}
          report={report}
          preview={preview}
          onlyBad={onlyBad}
          onOnlyBad={setOnlyBad}
          onErrorsCsv={() => void errorsCsv()}
        />
      )}
    </Space>
  );
}

function ImportResult(props: {
  token: string;
  report: ImportReport;
  preview?: RosterPreview;
  onlyBad: boolean;
  onOnlyBad: (v: boolean) => void;
  onErrorsCsv: () => void;
}) {
  const { t } = useT();
  const { report, preview, token } = props;
  const errorCount = report.errorCount ?? report.errors.length;
  const done = report.status !== 'processing';
  const percent = report.rows
    ? Math.round(((report.written ?? report.accepted + report.rejected) * 100) / report.rows)
    : 0;

  /** Errors by spreadsheet row, then by the header as written (errors with no such column: the row's reason). */
  const byRow = useMemo(() => {
    const map = new Map<number, ImportRowError[]>();
    for (const e of report.errors) map.set(e.row, [...(map.get(e.row) ?? []), e]);
    return map;
  }, [report.errors]);
  // The money the roster carries, from the file as read here: what the clerk checks against the paper total.
  const amounts = useMemo(() => rosterAmounts(report.kind, preview), [report.kind, preview]);
  const acceptedFen = [...amounts].reduce((sum, [row, fen]) => (byRow.has(row) ? sum : sum + fen), 0);

  return (
    <Card
      title={
        <Space wrap>
          <span title={report.id}>{report.fileName}</span>
          <Typography.Text copyable={{ text: report.id, tooltips: [t.copyId, t.copied] }} />
          <Tag color={STATUS_COLOR[report.status]}>{t[`st_${report.status}`]}</Tag>
        </Space>
      }
      extra={
        errorCount > 0 && (
          <Button size="small" onClick={props.onErrorsCsv}>
            {t.errorsCsv}
          </Button>
        )
      }
    >
      <Space wrap size="large" style={{ marginBottom: 12 }}>
        <Statistic title={t.rows} value={report.rows} />
        <Statistic title={t.accepted} value={report.accepted} />
        <Statistic
          title={t.badRows}
          value={report.rejected}
          valueStyle={{ color: report.rejected > 0 ? '#a8071a' : undefined }}
        />
        {report.written !== undefined && !report.dryRun && <Statistic title={t.written} value={report.written} />}
        {amounts.size > 0 && (
          <Statistic
            title={report.status === 'committed' ? t.importWrittenTotal : t.importAcceptedTotal}
            value={formatYuan(acceptedFen)}
          />
        )}
      </Space>
      {!done && <Progress percent={percent} status="active" aria-label={t.st_processing} />}
      {report.status === 'duplicate' && report.duplicateOf && (
        <Alert
          type="warning"
          showIcon
          message={`${t.duplicateOf} ${report.duplicateOf}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {report.failure && <Alert type="error" showIcon message={report.failure} style={{ marginBottom: 12 }} />}
      {done && report.dryRun && report.status === 'validated' && (
        <Alert
          type={report.rejected > 0 ? 'error' : 'success'}
          showIcon
          role={report.rejected > 0 ? 'alert' : 'status'}
          message={report.rejected > 0 ? t.fixAndRetry : t.allGood}
          style={{ marginBottom: 12 }}
        />
      )}
      {errorCount > report.errors.length && (
        <Typography.Paragraph type="secondary">{t.moreErrors(report.errors.length, errorCount)}</Typography.Paragraph>
      )}
      {report.errors.length > 0 &&
        (preview ? (
          <PreviewTable preview={preview} byRow={byRow} onlyBad={props.onlyBad} onOnlyBad={props.onOnlyBad} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t.noPreview}</Typography.Paragraph>
            <Table<ImportRowError>
              rowKey={(e) => `${e.row}/${e.column}/${e.message}`}
              dataSource={report.errors}
              size="small"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t.row, dataIndex: 'row' },
                { title: t.column, dataIndex: 'column' },
                { title: t.value, dataIndex: 'value', render: (v: string) => <code>{v}</code> },
                { title: t.problem, dataIndex: 'message' },
              ]}
            />
          </>
        ))}
      {report.status === 'committed' && report.wrote && report.wrote.length > 0 && (
        <>
          <Typography.Title level={5}>{t.wroteTitle}</Typography.Title>
          <Table
            rowKey="row"
            size="small"
            dataSource={report.wrote}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t.row, dataIndex: 'row' },
              ...(preview
                ? preview.header.slice(0, 3).map((h, i) => ({
                    title: h,
                    key: `c${i}`,
                    render: (_: unknown, w: { row: number }) => preview.rows[w.row - 2]?.[i] ?? '',
                  }))
                : []),
              ...(amounts.size > 0
                ? [
                    {
                      title: t.amountYuan,
                      key: 'amount',
                      align: 'right' as const,
                      render: (_: unknown, w: { row: number }) => {
                        const fen = amounts.get(w.row);
                        return fen === undefined ? '' : formatYuan(fen);
                      },
                    },
                  ]
                : []),
              {
                title: t.recordId,
                dataIndex: 'id',
                // The id only to copy: people read the row and its amount.
                render: (id: string) => <Typography.Text copyable={{ text: id, tooltips: [t.copyId, t.copied] }} />,
              },
              {
                title: t.actions,
                key: 'open',
                render: (_: unknown, w: { row: number; id: string; position: number }) =>
                  w.id.startsWith('household-') ? (
                    <Button type="link" size="small" href={`#/h/${w.id}?p=${w.position}`}>
                      {t.openStatement}
                    </Button>
                  ) : preview && preview.rows[w.row - 2]?.[registrationColumn(preview)] ? (
                    <HouseholdByNumber
                      token={token}
                      registrationNo={preview.rows[w.row - 2][registrationColumn(preview)].trim()}
                      position={w.position}
                    />
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The column holding the household's registration number (the first, in every template). */
function registrationColumn(preview: RosterPreview): number {
  const i = preview.header.findIndex((h) =>
    ['户编号', 'registrationNo', '建档立卡编号', '户号', '农户编号'].includes(h),
  );
  return i >= 0 ? i : 0;
}

interface PreviewRow {
  row: number;
  cells: string[];
}

/** The roster as the clerk wrote it, each bad cell marked (red, `aria-invalid`) with its reason inside it. */
function PreviewTable(props: {
  preview: RosterPreview;
  byRow: Map<number, ImportRowError[]>;
  onlyBad: boolean;
  onOnlyBad: (v: boolean) => void;
}) {
  const { t } = useT();
  const { preview, byRow, onlyBad } = props;
  const data: PreviewRow[] = preview.rows
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => !onlyBad || byRow.has(r.row));
  const known = new Set(preview.header);

  return (
    <>
      <Checkbox checked={onlyBad} onChange={(e) => props.onOnlyBad(e.target.checked)} style={{ marginBottom: 8 }}>
        {t.onlyBad}
      </Checkbox>
      <Table<PreviewRow>
        rowKey="row"
        size="small"
        bordered
        dataSource={data}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(r) => (byRow.has(r.row) ? 'import-bad-row' : '')}
        columns={[
          { title: t.row, dataIndex: 'row', width: 64 },
          ...preview.header.map((h, col) => ({
            title: h,
            key: `c${col}`,
            onCell: (r: PreviewRow) => {
              const bad = byRow.get(r.row)?.filter((e) => e.column === h);
              return bad?.length
                ? {
                    className: 'import-bad-cell',
                    'aria-invalid': true,
                    title: bad.map((e) => e.message).join('；'),
                    style: { background: '#fff1f0', boxShadow: 'inset 0 0 0 2px #cf1322' },
                  }
                : {};
            },
            render: (_: unknown, r: PreviewRow) => {
              const bad = byRow.get(r.row)?.filter((e) => e.column === h) ?? [];
              return (
                <>
                  <span>{r.cells[col] ?? ''}</span>
                  {bad.map((e) => (
                    <div key={e.message} className="import-reason" style={{ color: '#a8071a', fontSize: 12 }}>
                      {t.invalidCell(e.message)}
                    </div>
                  ))}
                </>
              );
            },
          })),
          {
            title: t.reasonCol,
            key: 'reason',
            render: (_: unknown, r: PreviewRow) =>
              (byRow.get(r.row) ?? [])
                .filter((e) => !known.has(e.column))
                .map((e) => (
                  <div key={`${e.column}/${e.message}`} style={{ color: '#a8071a' }}>
                    {e.column ? `${e.column}：` : ''}
                    {e.message}
                  </div>
                )),
          },
        ]}
      />
    </>
  );
}

/**
 * The template's columns with a filled-in example row, so a clerk sees what goes where; folded away
 * until asked for (it is not rendered until opened), so the page's own tables stay the only ones.
 */
function RosterExample({ kind }: { kind: ImportKind }) {
  const { t } = useT();
  const { header, row } = rosterExample(kind);
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'example',
          label: t.templateExample,
          children: (
            <Table
              size="small"
              bordered
              pagination={false}
              scroll={{ x: true }}
              rowKey={() => 'example'}
              dataSource={[Object.fromEntries(row.map((v, i) => [`c${i}`, v]))]}
              columns={header.map((h, i) => ({ title: h, dataIndex: `c${i}`, className: 'nowrap' }))}
            />
          ),
        },
      ]}
    />
  );
}
