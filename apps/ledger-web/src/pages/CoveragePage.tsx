import { Card, Radio, Select, Space, Table, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useEffect, useState } from 'react';
import { yearText } from '@ledger/contract';
import { api, query } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { Coverage, CoverageRow } from '../types';
import { ErrorAlert } from './ErrorAlert';

const FORMS = ['equity', 'lease', 'labour', 'order', 'collective'] as const;
/** The years offered: the ledger's records begin with the poverty registration (2014). */
const FIRST_YEAR = 2014;

/** A year as the report reads it: linkages active on its last day (today for this year), payments in it. */
export function coverageDate(year: number, today: string): string {
  return year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
}

/**
 * Households covered by a linkage, by county, township or village and year. The bars stack covered and
 * not covered, which add up to the households (each counted once); households per form are a table's
 * columns, since a household with two forms counts under both.
 */
export function CoveragePage({ token }: { token: string }) {
  const { t, lang } = useT();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const thisYear = Number(today.slice(0, 4));
  const [level, setLevel] = useState<Coverage['level']>('township');
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<Coverage>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    setError(undefined);
    api<Coverage>(`/v1/audit/coverage${query({ level, year, on: coverageDate(year, today) })}`, { token }).then(
      setData,
      (e: Error) => setError(e),
    );
  }, [level, year, token, lang, today]);

  const name = (r: CoverageRow) => r.village ?? r.township ?? r.county;
  const option = data && {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 48, right: 16, bottom: 64 },
    xAxis: { type: 'category', data: data.items.map(name), axisLabel: { rotate: data.items.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: t.households, minInterval: 1 },
    series: [
      { type: 'bar', stack: 'households', name: t.covered, data: data.items.map((r) => r.covered) },
      {
        type: 'bar',
        stack: 'households',
        name: t.notCovered,
        data: data.items.map((r) => r.households - r.covered),
        itemStyle: { color: '#d9d9d9' },
      },
    ],
  };
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  return (
    <Card title={t.menuCoverage}>
      <Space wrap style={{ marginBottom: 16 }}>
        {t.year}
        <Select
          aria-label={t.year}
          showSearch
          optionFilterProp="label"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: yearText(y, lang) }))}
        />
        {t.level}
        <Radio.Group value={level} onChange={(e) => setLevel(e.target.value as Coverage['level'])}>
          <Radio.Button value="county">{t.county}</Radio.Button>
          <Radio.Button value="township">{t.township}</Radio.Button>
          <Radio.Button value="village">{t.village}</Radio.Button>
        </Radio.Group>
      </Space>
      <ErrorAlert error={error} />
      {data && <Typography.Paragraph type="secondary">{t.coverageOn(data.on)}</Typography.Paragraph>}
      {option && <ReactECharts option={option} style={{ height: 360 }} notMerge />}
      {data && (
        <Table<CoverageRow>
          rowKey={(r) => `${r.county}/${r.township ?? ''}/${r.village ?? ''}`}
          dataSource={data.items}
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t.totalCount(n) }}
          footer={() => t.byFormNote}
          columns={[
            { title: t.county, dataIndex: 'county' },
            ...(level !== 'county' ? [{ title: t.township, dataIndex: 'township' }] : []),
            ...(level === 'village' ? [{ title: t.village, dataIndex: 'village' }] : []),
            {
              title: t.households,
              dataIndex: 'households',
              align: 'right' as const,
              sorter: (a: CoverageRow, b: CoverageRow) => a.households - b.households,
            },
            {
              title: t.covered,
              dataIndex: 'covered',
              align: 'right' as const,
              sorter: (a: CoverageRow, b: CoverageRow) => a.covered - b.covered,
            },
            ...FORMS.map((f) => ({
              title: label(t, f),
              key: f,
              align: 'right' as const,
              render: (_: unknown, r: CoverageRow) => r.byForm[f],
            })),
            {
              title: t.dashReceivedThisYear(data.year),
              dataIndex: 'receivedFen',
              align: 'right' as const,
              sorter: (a: CoverageRow, b: CoverageRow) => a.receivedFen - b.receivedFen,
              render: (fen: number) => formatYuan(fen),
            },
          ]}
        />
      )}
    </Card>
  );
}
