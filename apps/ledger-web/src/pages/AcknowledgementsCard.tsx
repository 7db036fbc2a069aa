import { Button, Card, Descriptions, Input, List, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { AcknowledgementView, GrievanceView } from '../types';
import { ErrorAlert } from './ErrorAlert';

/**
 * On the household's page: its latest acknowledgement of the statement (签字确认) and its grievances
 * (disputed acknowledgements), an open one answered in place by a clerk.
 */
export function AcknowledgementsCard(props: {
  token: string;
  householdId: string;
  acknowledgement?: AcknowledgementView;
  canWrite: boolean;
}) {
  const { t } = useT();
  const [grievances, setGrievances] = useState<GrievanceView[]>([]);
  const [responses, setResponses] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    api<{ items: GrievanceView[] }>(`/v1/households/${props.householdId}/grievances`, { token: props.token }).then(
      (r) => setGrievances(r.items),
      (e: Error) => setError(e),
    );
  }, [props.householdId, props.token]);
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
    } catch (e) {
      setError(e as Error);
    }
  };

  const ack = props.acknowledgement;
  if (!ack && grievances.length === 0) return null;
  return (
    <Card title={t.acknowledgements}>
      <ErrorAlert error={error} />
      {ack && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t.ackTitle}>
            {ack.disputed ? <Tag color="orange">{t.ackDispute}</Tag> : <Tag color="green">{t.ackConfirm}</Tag>}
            {ack.acknowledgedOn}
          </Descriptions.Item>
          <Descriptions.Item label="≤">{ack.through}</Descriptions.Item>
          <Descriptions.Item label={t.amountYuan}>{formatYuan(ack.totalFen)}</Descriptions.Item>
        </Descriptions>
      )}
      {grievances.length > 0 && (
        <List<GrievanceView>
          header={t.grievances}
          dataSource={grievances}
          renderItem={(g) => (
            <List.Item style={{ display: 'block' }}>
              <div>
                {g.acknowledgedOn} · {formatYuan(g.totalFen)} · {g.comment}
              </div>
              {g.status !== 'open' ? (
                <div>
                  <Tag color={g.status === 'upheld' ? 'red' : 'default'}>
                    {g.status === 'upheld' ? t.upheld : t.rejected}
                  </Tag>
                  {g.response}
                </div>
              ) : props.canWrite ? (
                <Space wrap style={{ marginTop: 4 }}>
                  <Input
                    aria-label={t.objectionResponse}
                    placeholder={t.objectionResponse}
                    value={responses[g.id] ?? ''}
                    onChange={(e) => setResponses((r) => ({ ...r, [g.id]: e.target.value }))}
                    style={{ width: 280 }}
                  />
                  <Button danger onClick={() => void answer(g.id, 'upheld')}>
                    {t.objectionUphold}
                  </Button>
                  <Button onClick={() => void answer(g.id, 'rejected')}>{t.objectionReject}</Button>
                </Space>
              ) : (
                <Tag>{t.grievanceOpen}</Tag>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
