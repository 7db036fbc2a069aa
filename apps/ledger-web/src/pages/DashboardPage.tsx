import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../api';
import type { PageProps } from '../console-routes';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type {
  Coverage,
  EntityListItem,
  LoanBook,
  Obligations,
  Page,
  PaymentsMonth,
  ProjectListItem,
  UserSummary,
} from '../types';
import { ErrorAlert } from './ErrorAlert';

interface Health {
  status: 'ok' | 'degraded' | 'unavailable';
  projections: { name: string; position: number; lag: number; status: 'running' | 'parked' }[];
}

/** A figure fetched on its own: one slow or refused read does not blank the whole dashboard. */
function useFigure<T>(load: (() => Promise<T>) | undefined, deps: unknown[]): { value?: T; error?: Error } {
  const [state, setState] = useState<{ value?: T; error?: Error }>({});
  useEffect(() => {
    if (!load) return;
    let live = true;
    setState({});
    load().then(
      (value) => live && setState({ value }),
      (error: Error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

/**
 * What every entity the caller may read still owes households today (their obligations' totals, a page
 * of one item each: the totals cover every item). Up to 200 entities; a county-wide arrears read would
 * do this in one request.
 */
async function outstandingOverEntities(token: string): Promise<{ outstandingFen: number; entities: number }> {
  const entities = await api<Page<EntityListItem>>(`/v1/entities${query({ limit: 200 })}`, { token });
  let outstandingFen = 0;
  // A few at a time: a township's connection and a 2-core server both prefer it.
  for (let i = 0; i < entities.items.length; i += 6) {
    const batch = entities.items.slice(i, i + 6);
    const totals = await Promise.all(
      batch.map((e) => api<Obligations>(`/v1/entities/${encodeURIComponent(e.id)}/obligations?limit=1`, { token })),
    );
    for (const o of totals) outstandingFen += o.totals.outstandingFen;
  }
  return { outstandingFen, entities: entities.items.length };
}

function FigureCard(props: { title: string; value?: string | number; error?: Error; suffix?: string; extra?: string }) {
  return (
    <Card size="small">
      <Statistic
        title={props.title}
        value={props.value ?? '—'}
        loading={props.value === undefined && !props.error}
        suffix={props.suffix}
      />
      {props.extra && <div style={{ color: 'rgba(0,0,0,.45)', fontSize: 12 }}>{props.extra}</div>}
      {props.error && <ErrorAlert error={props.error} />}
    </Card>
  );
}

/** The figures each role opens the console for, from the API's existing reads. */
export function DashboardPage({ session, token }: PageProps) {
  const { t, lang } = useT();
  const year = new Date().getFullYear();
  const staff = session.role !== 'household';
  const audit = session.role === 'admin' || session.role === 'auditor';
  const coverage = useFigure(
    staff ? () => api<Coverage>(`/v1/audit/coverage${query({ level: 'county', year })}`, { token }) : undefined,
    [token, lang],
  );
  // This month's payments: the clerk's townships, or (county roles) the whole county the caller reads.
  const month = useFigure(staff ? () => api<PaymentsMonth>('/v1/audit/payments-month', { token }) : undefined, [
    token,
    lang,
  ]);
  const users = useFigure(
    session.role === 'admin' ? () => api<UserSummary>('/v1/users/summary', { token }) : undefined,
    [token, lang],
  );
  const loans = useFigure(staff ? () => api<LoanBook>('/v1/audit/loans', { token }) : undefined, [token, lang]);
  const outstanding = useFigure(staff ? () => outstandingOverEntities(token) : undefined, [token]);
  const verify = useFigure(
    audit ? () => api<{ ok: boolean; eventsChecked: number }>('/v1/audit/verify', { token }) : undefined,
    [token],
  );
  const health = useFigure(
    session.role === 'admin' ? () => fetch('/health').then((r) => r.json() as Promise<Health>) : undefined,
    [],
  );
  const projects = useFigure(
    session.role === 'admin'
      ? () => api<Page<ProjectListItem>>(`/v1/projects${query({ limit: 500 })}`, { token })
      : undefined,
    [token],
  );
  const totals = coverage.value?.totals;
  const rate = totals && totals.households > 0 ? Math.round((totals.covered / totals.households) * 100) : 0;
  const title =
    session.role === 'clerk' ? t.dashClerkTitle : session.role === 'auditor' ? t.dashAuditorTitle : t.dashAdminTitle;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={title} size="small">
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} lg={6}>
            <FigureCard title={t.dashHouseholds} value={totals?.households} error={coverage.error} />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Card size="small">
              <Statistic title={t.dashCovered} value={totals?.covered ?? '—'} loading={!totals && !coverage.error} />
              <Progress percent={rate} size="small" aria-label={t.dashCoverageRate} />
            </Card>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FigureCard
              title={t.dashReceivedThisYear(year)}
              value={totals ? formatYuan(totals.receivedFen) : undefined}
              error={coverage.error}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FigureCard
              title={t.dashReceivedThisMonth(month.value?.month ?? '')}
              value={month.value ? formatYuan(month.value.amountFen) : undefined}
              error={month.error}
              extra={month.value ? t.dashMonthPayments(month.value.payments, month.value.households) : undefined}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FigureCard
              title={t.dashOutstanding}
              value={outstanding.value ? formatYuan(outstanding.value.outstandingFen) : undefined}
              error={outstanding.error}
              extra={outstanding.value ? t.dashOutstandingEntities(outstanding.value.entities) : undefined}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FigureCard
              title={t.dashLoans}
              value={loans.value ? formatYuan(loans.value.outstandingPrincipalFen) : undefined}
              error={loans.error}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <FigureCard
              title={t.dashOverdue}
              value={loans.value ? formatYuan(loans.value.overdue.principalFen) : undefined}
              error={loans.error}
              extra={loans.value ? `${t.overdueLoans}：${loans.value.overdue.loans}` : undefined}
            />
          </Col>
          {audit && (
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t.dashVerify}
                  loading={!verify.value && !verify.error}
                  valueRender={() =>
                    verify.value ? (
                      <Tag color={verify.value.ok ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 8px' }}>
                        {verify.value.ok ? t.dashVerifyOk : t.dashVerifyBroken}
                      </Tag>
                    ) : (
                      '—'
                    )
                  }
                />
                {verify.value && (
                  <div style={{ color: 'rgba(0,0,0,.45)', fontSize: 12 }}>
                    {t.eventsChecked}：{verify.value.eventsChecked.toLocaleString()}
                  </div>
                )}
                {verify.error && <ErrorAlert error={verify.error} />}
              </Card>
            </Col>
          )}
          {session.role === 'admin' && (
            <Col xs={24} sm={12} lg={6}>
              <FigureCard
                title={t.dashUsers}
                value={users.value?.total}
                error={users.error}
                extra={
                  users.value
                    ? t.dashUsersByRole(
                        users.value.byRole.admin,
                        users.value.byRole.clerk,
                        users.value.byRole.auditor,
                        users.value.byRole.household,
                      )
                    : undefined
                }
              />
            </Col>
          )}
          {session.role === 'admin' && (
            <Col xs={24} sm={12} lg={6}>
              <FigureCard
                title={t.dashProjects}
                value={projects.value?.items.length}
                suffix={projects.value?.nextCursor ? '+' : undefined}
                error={projects.error}
              />
            </Col>
          )}
        </Row>
      </Card>
      <Card title={t.dashQuick} size="small">
        <Space wrap>
          <Button href="#/households">{t.menuHouseholds}</Button>
          {session.role !== 'auditor' && <Button href="#/import">{t.menuImport}</Button>}
          <Button href="#/arrears">{t.menuArrears}</Button>
          {audit && <Button href="#/fund-flow">{t.menuFundFlow}</Button>}
          {audit && <Button href="#/coverage">{t.menuCoverage}</Button>}
        </Space>
      </Card>
      {session.role === 'admin' && (
        <Card title={t.dashProjections} size="small">
          {health.error && <ErrorAlert error={health.error} />}
          {health.value && (
            <>
              <Alert
                style={{ marginBottom: 12 }}
                type={health.value.status === 'ok' ? 'success' : 'error'}
                showIcon
                message={health.value.status === 'ok' ? t.dashServiceUp : t.dashServiceDown}
              />
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={health.value.projections}
                columns={[
                  { title: t.dashProjectionName, dataIndex: 'name' },
                  { title: t.dashProjectionPosition, dataIndex: 'position', align: 'right' },
                  {
                    title: t.dashProjectionLag,
                    dataIndex: 'lag',
                    align: 'right',
                    render: (lag: number, r) => (
                      <Tag color={r.status === 'parked' || lag > 100 ? 'red' : 'green'}>{lag}</Tag>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
