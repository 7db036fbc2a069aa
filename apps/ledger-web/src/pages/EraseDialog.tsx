import { Alert, Typography } from 'antd';
import { useT } from '../i18n';
import { ReasonDialog } from './ReasonDialog';

/**
 * An admin erases a household's personal data: the dialog says what that does, for good, before the
 * grounds are asked for (a ticket, a date: the grounds stay readable, so they must name no one).
 */
export function EraseDialog(props: {
  open: boolean;
  householdId: string;
  registrationNo: string;
  token: string;
  onClose: () => void;
  onWritten: (position: number) => void;
}) {
  const { t } = useT();
  return (
    <ReasonDialog
      open={props.open}
      path={`/v1/households/${encodeURIComponent(props.householdId)}/erasure`}
      token={props.token}
      title={t.eraseTitle}
      okText={t.eraseConfirm}
      reasonLabel={t.eraseReason}
      reasonRequired={t.eraseReasonRequired}
      name="erase"
      rows={2}
      onClose={props.onClose}
      onWritten={props.onWritten}
    >
      <Alert type="warning" showIcon message={props.registrationNo} description={t.eraseConsequence} />
      <Typography.Paragraph />
    </ReasonDialog>
  );
}
