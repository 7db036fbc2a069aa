import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn, type Actor } from '../../common/actor';
import { StreamWriter } from '../../common/stream-writer';
import { forbidden } from '../../common/domain-error';
import { household } from '../../households/household.state';
import { dateInChina } from '../../primitives/calendar';
import { toNoticeView, toObjectionView } from '../notice-view';
import { notice, noticeNotFound, type PostedNotice } from '../notice.state';
import type { NoticeView, ObjectionList } from '../notice.view';
import { GetNoticeQuery, ListObjectionsQuery } from './get-notice.query';

/** Reads a notice by folding its own stream: always current, no read model needed. */
async function readNotice(streams: StreamWriter, noticeId: string): Promise<{ state: PostedNotice; position: number }> {
  const { state, events } = await streams.read(noticeId, notice);
  if (state.status !== 'posted') throw noticeNotFound(noticeId);
  return { state, position: events[events.length - 1].position };
}

/**
 * Who may read a notice through the API: admins, auditors, clerks of its township, and a household
 * of its village (the same data is on the wall and on the public printable page).
 */
export async function assertMayReadNotice(streams: StreamWriter, actor: Actor, state: PostedNotice): Promise<void> {
  if (actor.role !== 'household') return assertMayReadIn(actor, state.township);
  const own = actor.householdId === undefined ? undefined : (await streams.read(actor.householdId, household)).state;
  if (own?.status === 'registered' && own.township === state.township && own.village === state.village) return;
  throw forbidden('NOTICE.OTHER_VILLAGE', 'This notice is for another village.', '这不是本村的公示。');
}

@QueryHandler(GetNoticeQuery)
export class GetNoticeHandler implements IQueryHandler<GetNoticeQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ noticeId, actor }: GetNoticeQuery): Promise<NoticeView> {
    const { state, position } = await readNotice(this.streams, noticeId);
    if (actor) await assertMayReadNotice(this.streams, actor, state);
    return toNoticeView(state, dateInChina(new Date()), position);
  }
}

@QueryHandler(ListObjectionsQuery)
export class ListObjectionsHandler implements IQueryHandler<ListObjectionsQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ noticeId, actor }: ListObjectionsQuery): Promise<ObjectionList> {
    const { state } = await readNotice(this.streams, noticeId);
    // Objection texts and contacts are not for the wall: the township's clerks, admins and auditors.
    assertMayReadIn(actor, state.township);
    return { items: state.objections.map(toObjectionView) };
  }
}
