import type { NoticeRow } from './notice.events';
import { noticeStatus } from './notice-rules';
import { objectionCounts, type ObjectionRecord, type PostedNotice } from './notice.state';
import type { NoticeRowView, NoticeView, ObjectionView } from './notice.view';

/** A row as posted: masked data only (the household's id stays in the record, never on the wall). */
export function toRowView(row: NoticeRow): NoticeRowView {
  return {
    rowId: row.rowId,
    household: { maskedName: row.maskedName, maskedRegistrationNo: row.maskedRegistrationNo },
    amountFen: row.amountFen,
  };
}

export function toNoticeView(state: PostedNotice, today: string, position: number): NoticeView {
  return {
    notice: {
      id: state.noticeId,
      village: state.village,
      township: state.township,
      title: state.title,
      subject: state.subject,
      opensOn: state.opensOn,
      closesOn: state.closesOn,
    },
    status: noticeStatus(state, today),
    rows: state.rows.map(toRowView),
    objections: objectionCounts(state.objections),
    position,
  };
}

export function toObjectionView({ objection: o, resolution: r }: ObjectionRecord): ObjectionView {
  return {
    id: o.objectionId,
    ...(o.noticeId ? { noticeId: o.noticeId } : {}),
    ...(o.rowId === undefined ? {} : { rowId: o.rowId }),
    ...(o.householdId === undefined ? {} : { householdId: o.householdId }),
    text: o.text,
    ...(o.contact === undefined ? {} : { contact: o.contact }),
    raisedOn: o.raisedOn,
    status: r ? r.outcome : 'open',
    ...(r ? { response: r.response, resolvedOn: r.resolvedOn } : {}),
  };
}
