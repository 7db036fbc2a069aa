import { Card, InputNumber, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../api';
import { label, useT } from '../i18n';
import { formatYuan } from '../money';
import type { EntityReportView } from '../types';
import { ErrorAlert } from './ErrorAlert';

const FORMS = ['equity', 'lease', 'labour', 'order', 'collective'] as const;

/** An entity's linkage report for a year (`GET /v1/entities/{id}/report`): 带贫户数 by form, workers, paid, owed. */
export function EntityReportCard({ token, entityId }: { token: string; entityId: string }) {
  const { t } = useT();
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const [report, setReport] = useState<EntityReportView>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    let current = true;
    setError(undefined);
    api<EntityReportView>(`/v1/entities/${encodeURIComponent(entityId)}/report${query({ year })}`, { token }).then(
      (r) => current && setReport(r),
      (e: Error) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [token, entityId, year]);

  return (
    <Card
      size="small"
      title={t.entityReport}
      extra={
        <Space>
          {t.year}
          <InputNumber aria-label={t.year} min={1949} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {report && (
        <Space direction="vertical">
          <Space wrap size="large">
            <Statistic title={t.householdsLifted} value={report.households.total} />
            <Statistic title={t.workers} value={report.workers} />
            <Statistic title={t.paidInYear} value={formatYuan(report.paidFen.total)} />
            <Statistic title={t.outstandingByYearEnd} value={formatYuan(report.outstandingFen)} />
          </Space>
          <Space wrap size="large">
            {FORMS.map((form) => (
              <Statistic
                key={form}
                title={label(t, form)}
                value={`${report.households.byForm[form]} · ${formatYuan(report.paidFen.byForm[form])}`}
              />
            ))}
          </Space>
        </Space>
      )}
    </Card>
  );
}
