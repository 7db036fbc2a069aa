import type { DomainEvent } from '../common/decider';

/** What a notice lists: a declaration's or a distribution's allocations, or every payment in a period. */
export type NoticeSubject = { declarationId: string } | { distributionId: string } | { period: string };

/**
 * One household as the notice shows it on the village wall: masked name and registration number
 * only. `householdId` stays in the event (not in what is posted) so the hold knows whom it holds.
 */
export interface NoticeRow {
  /** `r<n>`, in the order the rows were listed. */
  rowId: string;
  householdId: string;
  maskedName: string;
  maskedRegistrationNo: string;
  amountFen: number;
}

/**
 * A public notice (公示) posted for a village: its rows frozen at creation, so what was on the wall
 * is what the record keeps whatever is recorded later. Its own stream, `notice-<uuid>`.
 */
export type NoticePosted = DomainEvent<
  'NoticePosted',
  {
    noticeId: string;
    village: string;
    township: string;
    title: string;
    subject: NoticeSubject;
    /** First and last day of the window, both included (China time). */
    opensOn: string;
    closesOn: string;
    rows: NoticeRow[];
  }
>;

/**
 * An objection (异议) to a notice, or a household's grievance about its statement (a disputed
 * acknowledgement). Objections live in the notice's stream (`<noticeId>.o<n>`), grievances in the
 * household's acknowledgement stream (their id is the disputed acknowledgement's).
 */
export type ObjectionRaised = DomainEvent<
  'ObjectionRaised',
  {
    objectionId: string;
    noticeId: string;
    rowId?: string;
    /** The household objecting, when a household user raised it. */
    householdId?: string;
    text: string;
    /** How to reach whoever objected (a phone number), when given. */
    contact?: string;
    raisedOn: string;
  }
>;

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** An objection or grievance answered: upheld (the list or the record is wrong) or rejected, with the reply. */
export type ObjectionResolved = DomainEvent<
  'ObjectionResolved',
  {
    objectionId: string;
    outcome: ObjectionOutcome;
    response: string;
    resolvedOn: string;
  }
>;

/**
 * The hold a notice puts on payments of its subject, recorded in the subject's own stream (the
 * declaration's) when the notice is posted and again whenever its objections change: the payment's
 * decider reads it from the stream it appends to, so the hold and a payment are serialised by that
 * stream's expected revision (no read model, no in-process publishing). Each event carries the whole
 * hold, the latest one per notice counts.
 */
export type NoticeHoldChanged = DomainEvent<
  'NoticeHoldChanged',
  {
    noticeId: string;
    /** The subject's stream this hold is recorded in (a declaration id). */
    subjectId: string;
    /** The village's households on the notice: the payments held are theirs. */
    householdIds: string[];
    closesOn: string;
    /** Objections raised and not yet resolved. */
    unresolvedObjections: number;
  }
>;

export type NoticeEvent = NoticePosted | ObjectionRaised | ObjectionResolved;
