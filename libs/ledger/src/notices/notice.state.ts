import type { Evolver } from '../common/decider';
import { notFound } from '../common/domain-error';
import type { NoticeEvent, NoticePosted, ObjectionOutcome, ObjectionRaised } from './notice.events';

/** An objection as its notice (or grievance stream) keeps it. */
export interface ObjectionRecord {
  objection: ObjectionRaised['data'];
  resolution?: { outcome: ObjectionOutcome; response: string; resolvedOn: string };
}

export type NoticeState =
  { status: 'none' } | (NoticePosted['data'] & { status: 'posted'; objections: readonly ObjectionRecord[] });

export type PostedNotice = Extract<NoticeState, { status: 'posted' }>;

export function evolveNotice(state: NoticeState, event: NoticeEvent): NoticeState {
  switch (event.type) {
    case 'NoticePosted':
      return { ...event.data, status: 'posted', objections: [] };
    case 'ObjectionRaised':
      if (state.status !== 'posted') return state;
      return { ...state, objections: [...state.objections, { objection: event.data }] };
    case 'ObjectionResolved':
      if (state.status !== 'posted') return state;
      return { ...state, objections: withResolution(state.objections, event.data) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The objections with one of them answered. */
export function withResolution(
  objections: readonly ObjectionRecord[],
  {
    objectionId,
    outcome,
    response,
    resolvedOn,
  }: { objectionId: string; outcome: ObjectionOutcome; response: string; resolvedOn: string },
): ObjectionRecord[] {
  return objections.map((o) =>
    o.objection.objectionId === objectionId ? { ...o, resolution: { outcome, response, resolvedOn } } : o,
  );
}

export const notice: Evolver<NoticeState, NoticeEvent> = { initialState: { status: 'none' }, evolve: evolveNotice };

/** Objections by outcome: `open` are those not answered yet. */
export function objectionCounts(objections: readonly ObjectionRecord[]): {
  open: number;
  upheld: number;
  rejected: number;
} {
  return {
    open: objections.filter((o) => !o.resolution).length,
    upheld: objections.filter((o) => o.resolution?.outcome === 'upheld').length,
    rejected: objections.filter((o) => o.resolution?.outcome === 'rejected').length,
  };
}

/** The subject stream a notice holds payments in (a declaration's), if its subject has one. */
export function heldSubjectOf(state: PostedNotice): string | undefined {
  const { subject } = state;
  if ('declarationId' in subject) return subject.declarationId;
  if ('distributionId' in subject) return subject.distributionId;
  return undefined;
}

export const noticeNotFound = (noticeId: string) =>
  notFound('NOTICE.NOT_FOUND', `No notice ${noticeId}.`, `没有编号为 ${noticeId} 的公示。`);

/** `<noticeId>.o<n>`: an objection lives in its notice's stream. */
export const objectionIdFor = (noticeId: string, n: number): string => `${noticeId}.o${n}`;
