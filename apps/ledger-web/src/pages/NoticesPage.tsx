import { Button, Card, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { NoticeList, NoticeRowView, NoticeSummary, ObjectionView } from '../types';
import type { PageProps } from '../console-routes';
import { may } from '../session';
import { ErrorAlert } from './ErrorAlert';
import { sortOfTable, sortOrderOf } from '../shell/cursor-pages';
import { YearSelect } from '../shell/list-filters';

interface NoticeForm {
  village: string;
  township: string;
  title: string;
  by: 'declaration' | 'period';
  declarationId?: string;
  period?: string;
  opensOn: string;
  closesOn: string;
}

/** A China-time date `days` from today. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

function subjectOf(v: NoticeForm): Record<string, string> {
  return v.by === 'declaration'
    ? { declarationId: (v.declarationId ?? '').trim() }
    : { period: (v.period ?? '').trim() };
}

/**
 * Public notices (公示) as a clerk prepares them: pick the village and what it lists, preview the
 * masked rows, post it, print it for the wall; the notices of a place with their open objections,
 * each answered here (属实 / 不属实, with the answer given).
 */
/** The page at `#/notices`. */
export function NoticesRoute({ session }: PageProps) {
  return <NoticesPage token={session.token} canWrite={may.write(session)} />;
}

export function NoticesPage({ token, canWrite }: { token: string; canWrite: boolean }) {
  const { t, lang } = useT();
  const [form] = Form.useForm<NoticeForm>();
  const [preview, setPreview] = useState<NoticeRowView[]>();
  const [posted, setPosted] = useState<{ id: string; rows: NoticeRowView[] }>();
  const [place, setPlace] = useState<{ township?: string; village?: string; year?: number }>({});
  const [list, setList] = useState<NoticeList>();
  const [error, setError] = useState<Error>();
  const [shownAfter, setShownAfter] = useState<number>();
  // The API sorts (the column headers choose how); undefined: the latest opened first.
  const [sort, setSort] = useState<string>();

  const load = useCallback(() => {
    api<NoticeList>(`/v1/notices${query({ ...place, sort, minPosition: shownAfter })}`, { token }).then(
      setList,
      (e: Error) => setError(e),
    );
  }, [place, sort, shownAfter, token]);
  useEffect(load, [load, lang]);

  const doPreview = async () => {
    setError(undefined);
    try {
      const v = await form.validateFields();
      const rows = await api<{ rows: NoticeRowView[] }>(
        `/v1/notices/preview${query({ village: v.village, township: v.township, ...subjectOf(v) })}`,
        { token },
      );
      setPreview(rows.rows);
    } catch (e) {
      if (e instanceof Error) setError(e);
    }
  };
  const create = async (v: NoticeForm) => {
    setError(undefined);
    try {
      const written = await api<{ id: string; position: number; rows: NoticeRowView[] }>('/v1/notices', {
        method: 'POST',
        token,
        body: {
          village: v.village.trim(),
          township: v.township.trim(),
          title: v.title.trim(),
          subject: subjectOf(v),
          opensOn: v.opensOn,
          closesOn: v.closesOn,
        },
      });
      setPosted(written);
      setPreview(undefined);
      setPlace({ township: v.township.trim(), village: v.village.trim() });
      setShownAfter(written.position);
    } catch (e) {
      setError(e as Error);
    }
  };

  const rowColumns = [
    { title: '#', dataIndex: 'rowId' },
    { title: t.maskedName, render: (_: unknown, r: NoticeRowView) => r.household.maskedName },
    { title: t.maskedRegistrationNo, render: (_: unknown, r: NoticeRowView) => r.household.maskedRegistrationNo },
    { title: t.amountYuan, dataIndex: 'amountFen', align: 'right' as const, render: (f: number) => formatYuan(f) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={error} />
      {canWrite && (
        <Card title={t.noticeNew}>
          <Form<NoticeForm>
            form={form}
            layout="vertical"
            initialValues={{ by: 'declaration', opensOn: dayFromToday(0), closesOn: dayFromToday(6) }}
            onFinish={(v) => void create(v)}
            style={{ maxWidth: 640 }}
          >
            <Space wrap>
              <Form.Item name="township" label={t.noticeTownship} rules={[{ required: true }]}>
                <Input style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="village" label={t.noticeVillage} rules={[{ required: true }]}>
                <Input style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Form.Item name="title" label={t.noticeTitle} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="by" label={t.noticeSubject}>
              <Radio.Group>
                <Radio value="declaration">{t.noticeByDeclaration}</Radio>
                <Radio value="period">{t.noticeByPeriod}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a: NoticeForm, b: NoticeForm) => a.by !== b.by}>
              {({ getFieldValue }) =>
                getFieldValue('by') === 'declaration' ? (
                  <Form.Item name="declarationId" label={t.noticeDeclarationId} rules={[{ required: true }]}>
                    <Input placeholder="dividend-…" />
                  </Form.Item>
                ) : (
                  <Form.Item name="period" label={t.noticePeriod} rules={[{ required: true }]}>
                    <Input placeholder="2018-H1" style={{ width: 180 }} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Space wrap>
              <Form.Item name="opensOn" label={t.noticeOpensOn} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="closesOn" label={t.noticeClosesOn} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </Space>
            <Space>
              <Button onClick={() => void doPreview()}>{t.noticePreview}</Button>
              <Button type="primary" htmlType="submit">
                {t.noticeCreate}
              </Button>
            </Space>
          </Form>
          {preview && (
            <Table<NoticeRowView>
              style={{ marginTop: 16 }}
              rowKey="rowId"
              size="small"
              title={() => t.noticeRows}
              dataSource={preview}
              columns={rowColumns}
              pagination={false}
            />
          )}
          {posted && (
            <div style={{ marginTop: 16 }}>
              <a href={`/v1/notices/${posted.id}.html`} target="_blank" rel="noreferrer">
                {t.noticePrint}
              </a>
              <Table<NoticeRowView>
                rowKey="rowId"
                size="small"
                dataSource={posted.rows}
                columns={rowColumns}
                pagination={false}
              />
            </div>
          )}
        </Card>
      )}
      <Card title={t.menuNotices}>
        <Form
          layout="inline"
          onFinish={(v: { township?: string; village?: string }) =>
            setPlace((p) => ({
              ...p,
              township: v.township?.trim() || undefined,
              village: v.village?.trim() || undefined,
            }))
          }
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="township" label={t.noticeTownship}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="village" label={t.noticeVillage}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t.year}>
            <YearSelect value={place.year} onChange={(year) => setPlace((p) => ({ ...p, year }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t.search}
          </Button>
        </Form>
        <Table<NoticeSummary>
          rowKey="id"
          size="small"
          dataSource={list?.items ?? []}
          pagination={false}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') setSort(sortOfTable(sorter));
          }}
          expandable={{
            expandedRowRender: (n) => (
              <Objections token={token} noticeId={n.id} canWrite={canWrite} onAnswered={load} />
            ),
            rowExpandable: (n) => n.objections.open + n.objections.upheld + n.objections.rejected > 0,
          }}
          columns={[
            { title: t.noticeTitle, dataIndex: 'title' },
            {
              title: t.noticeVillage,
              key: 'village',
              sorter: true,
              sortOrder: sortOrderOf(sort, 'village'),
              render: (_: unknown, n) => `${n.township}${n.village}`,
            },
            {
              title: t.noticeOpensOn,
              dataIndex: 'opensOn',
              key: 'opensOn',
              sorter: true,
              sortOrder: sort === undefined ? 'descend' : sortOrderOf(sort, 'opensOn'),
            },
            { title: t.noticeClosesOn, dataIndex: 'closesOn' },
            { title: '', dataIndex: 'status', render: (s: string) => <Tag>{t.noticeStatus[s] ?? s}</Tag> },
            {
              title: t.amountYuan,
              dataIndex: 'totalFen',
              key: 'total',
              align: 'right',
              sorter: true,
              sortOrder: sortOrderOf(sort, 'total'),
              render: (f: number) => formatYuan(f),
            },
            {
              title: t.objectionsOpen,
              key: 'openObjections',
              sorter: true,
              sortOrder: sortOrderOf(sort, 'openObjections'),
              render: (_: unknown, n) => (n.objections.open > 0 ? <Tag color="red">{n.objections.open}</Tag> : 0),
            },
            {
              title: '',
              render: (_: unknown, n) => (
                <a href={`/v1/notices/${n.id}.html`} target="_blank" rel="noreferrer">
                  {t.noticePrint}
                </a>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** A notice's objections; an open one answered in place. */
function Objections(props: { token: string; noticeId: string; canWrite: boolean; onAnswered: () => void }) {
  const { t } = useT();
  const [items, setItems] = useState<ObjectionView[]>();
  const [error, setError] = useState<Error>();
  const [responses, setResponses] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    api<{ items: ObjectionView[] }>(`/v1/notices/${props.noticeId}/objections`, { token: props.token }).then(
      (r) => setItems(r.items),
      (e: Error) => setError(e),
    );
  }, [props.noticeId, props.token]);
  useEffect(load, [load]);

  const answer = async (id: string, outcome: 'upheld' | 'rejected') => {
    setError(undefined);
    try {
      await api(`/v1/objections/${id}/resolution`, {
        method: 'POST',
        token: props.token,
        body: { outcome, response: (responses[id] ?? '').trim() },
      });
      load();
      props.onAnswered();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
      <ErrorAlert error={error} />
      <Table<ObjectionView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items ?? []}
        columns={[
          { title: '#', dataIndex: 'rowId' },
          { title: t.objections, dataIndex: 'text' },
          { title: '', dataIndex: 'contact' },
          {
            title: t.answer,
            render: (_: unknown, o) =>
              o.status !== 'open' ? (
                <span>
                  <Tag color={o.status === 'upheld' ? 'red' : 'default'}>
                    {o.status === 'upheld' ? t.upheld : t.rejected}
                  </Tag>
                  {o.response}
                </span>
              ) : props.canWrite ? (
                <Space wrap>
                  <Input
                    aria-label={t.objectionResponse}
                    placeholder={t.objectionResponse}
                    value={responses[o.id] ?? ''}
                    onChange={(e) => setResponses((r) => ({ ...r, [o.id]: e.target.value }))}
                    style={{ width: 260 }}
                  />
                  <Button danger onClick={() => void answer(o.id, 'upheld')}>
                    {t.objectionUphold}
                  </Button>
                  <Button onClick={() => void answer(o.id, 'rejected')}>{t.objectionReject}</Button>
                </Space>
              ) : (
                <Tag>{t.grievanceOpen}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
