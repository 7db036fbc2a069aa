import { Card, Radio, Space, Table } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useEffect, useState } from 'react';
import { api, query } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { Coverage, CoverageRow } from '../types';
import { ErrorAlert } from './ErrorAlert';

const FORMS = ['equity', 'lease', 'labour', 'order', 'collective'] as const;

/** Households covered by a linkage, by county, township or village, as stacked bars and a table. */
export function CoveragePage({ token }: { token: string }) {
  const { t, lang } = useT();
  const [level, setLevel] = useState<Coverage['level']>('township');
  const [data, setData] = useState<Coverage>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    setError(undefined);
    api<Coverage>(`/v1/audit/coverage${query({ level })}`, { token }).then(setData, (e: Error) => setError(e));
  }, [level, token, lang]);

  const name = (r: CoverageRow) => r.village ?? r.township ?? r.county;
  const option = data && {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 48, right: 16, bottom: 64 },
    xAxis: { type: 'category', data: data.items.map(name), axisLabel: { rotate: data.items.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: t.households, minInterval: 1 },
    series: [
      { type: 'bar', name: t.households, data: data.items.map((r) => r.households), itemStyle: { color: '#d9d9d9' } },
      ...FORMS.map((f) => ({
        type: 'bar',
        stack: 'forms',
        name: label(t, f),
        data: data.items.map((r) => r.byForm[f]),
      })),
    ],
  };

  return (
    <Card title={t.menuCoverage}>
      <Space style={{ marginBottom: 16 }}>
        {t.level}
        <Radio.Group value={level} onChange={(e) => setLevel(e.target.value as Coverage['level'])}>
          <Radio.Button value="county">{t.county}</Radio.Button>
          <Radio.Button value="township">{t.township}</Radio.Button>
          <Radio.Button value="village">{t.village}</Radio.Button>
        </Radio.Group>
      </Space>
      <ErrorAlert error={error} />
      {option && <ReactECharts option={option} style={{ height: 360 }} notMerge />}
      {data && (
        <Table<CoverageRow>
          rowKey={(r) => `${r.county}/${r.township ?? ''}/${r.village ?? ''}`}
          dataSource={data.items}
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t.county, dataIndex: 'county' },
            ...(level !== 'county' ? [{ title: t.township, dataIndex: 'township' }] : []),
            ...(level === 'village' ? [{ title: t.village, dataIndex: 'village' }] : []),
            { title: t.households, dataIndex: 'households', align: 'right' as const },
            { title: t.covered, dataIndex: 'covered', align: 'right' as const },
            ...FORMS.map((f) => ({
              title: label(t, f),
              key: f,
              align: 'right' as const,
              render: (_: unknown, r: CoverageRow) => r.byForm[f],
            })),
            {
              title: t.receivedYuan,
              dataIndex: 'receivedFen',
              align: 'right' as const,
              render: (fen: number) => formatYuan(fen),
            },
          ]}
        />
      )}
    </Card>
  );
}
