import { Button, Card, Form, Input, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, apiPdf, query, saveBlob } from '../api';
import { useT } from '../i18n';
import { go } from '../route';
import type { Household } from '../types';
import { ErrorAlert } from './ErrorAlert';

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
  const [rows, setRows] = useState<Household[]>();
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);

  const [form] = Form.useForm<{ q?: string; village?: string; township?: string }>();
  useEffect(() => {
    if (!initialQuery) return;
    form.setFieldsValue({ q: initialQuery });
    void search({ q: initialQuery });
  }, [initialQuery]);

  const search = async (v: { q?: string; village?: string; township?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = await api<{ items: Household[] }>(
        `/v1/households${query({ q: v.q?.trim(), village: v.village?.trim(), township: v.township?.trim(), limit: 100 })}`,
        { token },
      );
      setRows(page.items);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

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
      <Form form={form} layout="inline" onFinish={(v) => void search(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t.keyword}>
          <Input placeholder={t.searchHint} allowClear />
        </Form.Item>
        <Form.Item name="village" label={t.village}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="township" label={t.township}>
          <Input allowClear />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
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
      <ErrorAlert error={error} />
      {rows && (
        <Table<Household>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          onRow={(r) => ({ onDoubleClick: () => go(`/h/${r.id}`) })}
          columns={[
            { title: t.registrationNo, dataIndex: 'registrationNo' },
            { title: t.headName, dataIndex: 'headName' },
            { title: t.members, dataIndex: 'members' },
            { title: t.village, dataIndex: 'village' },
            { title: t.township, dataIndex: 'township' },
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
