/* Notices as the API answers them. Types only: the web console compiles against this file. */
import type { NoticeStatus } from './notice-rules';
import type { Fen } from '../primitives/money';

export type { NoticeStatus } from './notice-rules';

/** What a notice lists: `{declarationId}`, `{distributionId}` or `{period}`. */
export type NoticeSubjectView = { declarationId: string } | { distributionId: string } | { period: string };

/** One row as posted on the wall: masked name and registration number, the amount. */
export interface NoticeRowView {
  rowId: string;
  household: { maskedName: string; maskedRegistrationNo: string };
  amountFen: Fen;
}

export interface ObjectionCounts {
  open: number;
  upheld: number;
  rejected: number;
}

export interface NoticeView {
  notice: {
    id: string;
    village: string;
    township: string;
    title: string;
    subject: NoticeSubjectView;
    opensOn: string;
    closesOn: string;
  };
  /** By today's date in China Standard Time. */
  status: NoticeStatus;
  rows: NoticeRowView[];
  objections: ObjectionCounts;
  /** Position of the notice stream's last event. */
  position: number;
}

/** A notice in a list. */
export interface NoticeSummary {
  id: string;
  village: string;
  township: string;
  title: string;
  subject: NoticeSubjectView;
  opensOn: string;
  closesOn: string;
  status: NoticeStatus;
  rowCount: number;
  totalFen: Fen;
  objections: ObjectionCounts;
}

export interface NoticeList {
  items: NoticeSummary[];
  nextCursor?: string;
  /** Over every notice the filter matches, not only this page. */
  totals: { notices: number; rows: number; totalFen: Fen; openObjections: number };
}

/** An objection to a notice, or a household's grievance about its statement. */
export interface ObjectionView {
  id: string;
  noticeId?: string;
  rowId?: string;
  householdId?: string;
  text: string;
  contact?: string;
  raisedOn: string;
  status: 'open' | 'upheld' | 'rejected';
  response?: string;
  resolvedOn?: string;
}

/** A notice's objections, as `GET /v1/notices/{id}/objections` answers them. */
export interface ObjectionList {
  items: ObjectionView[];
}

/** The rows a notice would list, as `GET /v1/notices/preview` answers them before it is posted. */
export interface NoticePreview {
  rows: NoticeRowView[];
}
