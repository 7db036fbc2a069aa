import { Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, apiPdf, query, saveBlob } from '../api';
import { label, useT } from '../i18n';
import { go } from '../route';
import { formatYuan } from '../money';
import { sortOrderOf, useCursorPages } from '../shell/cursor-pages';
import { CodeSelect } from '../shell/list-filters';
import type { HouseholdListItem, Page } from '../types';
import { ErrorAlert } from './ErrorAlert';

/** The register's linkage forms (the API's `form`). */
const FORMS = ['equity', 'lease', 'labour', 'order'] as const;

type Filter = { q?: string; village?: string; township?: string; county?: string; form?: (typeof FORMS)[number] };

/** The register, searched by name or number, place (`initialQuery` searches at once: `#/households?q=…`). */
export function HouseholdsPage({
  token,
  initialQuery,
  canPrint,
}: {
  token: string;
  initialQuery?: string;
  /** Admins and clerks print a village's cards (a clerk, of its townships: the API checks). */
  canPrint: boolean;
}) {
  const { t } = useT();
  const [error, setError] = useState<ApiError | Error>();
  const [printing, setPrinting] = useState(false);
  const fetchPage = useCallback(
    (v: Filter, limit: number, cursor: string | undefined, sort: string | undefined) =>
      api<Page<HouseholdListItem>>(
        `/v1/households${query({
          q: v.q?.trim(),
          village: v.village?.trim(),
          township: v.township?.trim(),
          county: v.county?.trim(),
          form: v.form,
          limit,
          cursor,
          sort,
        })}`,
        { token },
      ),
    [token],
  );
  // The register a page at a time from the server, with its total: a search is never silently capped.
  const list = useCursorPages(fetchPage);

  const [form] = Form.useForm<Filter>();
  useEffect(() => {
    form.setFieldsValue({ q: initialQuery });
    void list.search({ q: initialQuery });
  }, [initialQuery, token]);

  /** Every household's card of the village in one PDF, in registration order, for the township to hand out. */
  const printVillage = async () => {
    const { village, township } = form.getFieldsValue();
    if (!village?.trim() || !township?.trim()) {
      setError(new Error(t.printVillageNeedsPlace));
      return;
    }
    setPrinting(true);
    setError(undefined);
    try {
      const path = `/v1/villages/${encodeURIComponent(township.trim())}/${encodeURIComponent(village.trim())}/cards.pdf`;
      saveBlob(await apiPdf(path, { token }), `${township.trim()}${village.trim()}明白卡.pdf`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Card title={t.menuHouseholds}>
      <Form form={form} layout="inline" onFinish={(v) => void list.search(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t.keyword}>
          <Input placeholder={t.searchHint} allowClear />
        </Form.Item>
        <Form.Item name="village" label={t.village}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="township" label={t.township}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="county" label={t.county}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="form" label={t.form}>
          <CodeSelect codes={FORMS} ariaLabel={t.form} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={list.busy}>
              {t.search}
            </Button>
            {canPrint && (
              <Button onClick={() => void printVillage()} loading={printing}>
                {t.printVillageCards}
              </Button>
            )}
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error ?? list.error} />
      {list.items && (
        <Table<HouseholdListItem>
          rowKey="id"
          dataSource={list.items}
          loading={list.busy}
          pagination={{ ...list.pagination, showTotal: (n) => t.totalCount(n) }}
          onChange={list.onTableChange}
          onRow={(r) => ({ onDoubleClick: () => go(`/h/${r.id}`) })}
          columns={[
            {
              title: t.headName,
              dataIndex: 'headName',
              key: 'name',
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'name'),
              // The id only on hover and copy: people read names.
              render: (name: string, r) => (
                <Typography.Link href={`#/h/${r.id}`} title={r.id}>
                  {name}
                </Typography.Link>
              ),
            },
            {
              title: t.registrationNo,
              dataIndex: 'registrationNo',
              key: 'registrationNo',
              sorter: true,
              // The register's own order when no header is chosen.
              sortOrder: list.sort === undefined ? 'ascend' : sortOrderOf(list.sort, 'registrationNo'),
            },
            {
              title: t.status,
              dataIndex: 'status',
              render: (status: string) => label(t, `hs_${status}`),
            },
            { title: t.members, dataIndex: 'members' },
            {
              title: t.village,
              dataIndex: 'village',
              key: 'village',
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'village'),
            },
            { title: t.township, dataIndex: 'township' },
            {
              title: t.receivedTotalYuan,
              dataIndex: 'receivedFen',
              key: 'received',
              align: 'right',
              sorter: true,
              sortOrder: sortOrderOf(list.sort, 'received'),
              render: (fen: number) => formatYuan(fen),
            },
            {
              title: t.actions,
              key: 'open',
              render: (_, r) => (
                <Space>
                  <Button type="link" href={`#/h/${r.id}`}>
                    {t.open}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
