import { Typography } from 'antd';
import { useT } from '../i18n';
import { formatYuan } from '../money';
import type { StatementLine } from '../types';
import { ReasonDialog } from './ReasonDialog';

/** Reverses a payment with a reason: it stays on record, marked reversed. */
export function ReverseDialog(props: {
  line?: StatementLine;
  token: string;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  const line = props.line;
  return (
    <ReasonDialog
      open={!!line}
      path={`/v1/payments/${encodeURIComponent(line?.paymentId ?? '')}/reversal`}
      token={props.token}
      title={t.reverseTitle}
      okText={t.reverse}
      reasonLabel={t.reason}
      reasonRequired={t.reasonRequired}
      name="reverse"
      onClose={props.onClose}
      onWritten={props.onWritten}
    >
      {line && (
        <Typography.Paragraph>
          {line.paidOn} · {line.entity?.name ?? t.fiscalSubsidy} · {formatYuan(line.amountFen)} 元
        </Typography.Paragraph>
      )}
    </ReasonDialog>
  );
}
