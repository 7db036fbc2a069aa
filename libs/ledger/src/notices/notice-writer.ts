import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type StreamAppend } from '@ledger/event-store';
import { fold } from '../common/decider';
import { conflict } from '../common/domain-error';
import { eventsToAppend, toDomainEvent, type CommandMetadata, type Decided } from '../common/stream-writer';
import type { NoticeEvent, NoticeHoldChanged } from './notice.events';
import { heldSubjectOf, notice, objectionCounts, type NoticeState, type PostedNotice } from './notice.state';

const MAX_ATTEMPTS = 5;

/** The hold a notice puts on its subject's payments, as it stands after `state`. */
export function holdOf(state: PostedNotice, subjectId: string): NoticeHoldChanged {
  return {
    type: 'NoticeHoldChanged',
    data: {
      noticeId: state.noticeId,
      subjectId,
      householdIds: state.rows.map((r) => r.householdId),
      closesOn: state.closesOn,
      unresolvedObjections: objectionCounts(state.objections).open,
    },
  };
}

/**
 * Writes to a notice's stream and, in the same unit of work, the notice's hold to its subject's
 * stream (a declaration's or a distribution's), each at its expected revision: a payment decided on it at
 * the same moment conflicts and is decided again, now seeing the hold (or the objection that
 * prolongs it). On PostgreSQL both appends commit together or not at all. A notice on a period has
 * no subject stream and holds nothing.
 */
@Injectable()
export class NoticeWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  decide(
    noticeId: string,
    decide: (state: NoticeState) => NoticeEvent[],
    metadata: CommandMetadata,
  ): Promise<Decided<NoticeEvent>> {
    return this.store.inUnitOfWork(async (unit) => {
      for (let attempt = 1; ; attempt++) {
        const stored = await unit.readStream(noticeId);
        const already = stored.filter((e) => e.metadata.commandId === metadata.commandId);
        if (already.length > 0) {
          return {
            events: already.map((e) => toDomainEvent<NoticeEvent>(e)),
            position: already[already.length - 1].position,
            replayed: true,
          };
        }
        const state = fold(
          notice,
          stored.map((e) => toDomainEvent<NoticeEvent>(e)),
        );
        const events = decide(state);
        const after = events.reduce((s, e) => notice.evolve(s, e), state);
        const appends: StreamAppend[] = [
          {
            streamId: noticeId,
            events: eventsToAppend(noticeId, events, metadata),
            expectedRevision: stored.length === 0 ? 'no_stream' : stored.length - 1,
          },
        ];
        const subjectId = after.status === 'posted' ? heldSubjectOf(after) : undefined;
        if (after.status === 'posted' && subjectId !== undefined) {
          const subject = await unit.readStream(subjectId);
          // The hold first: where appends are not atomic (EventStoreDB), a failure in between leaves
          // payments held by a notice that was not recorded (safe, an admin's fix), never a notice
          // whose payments are not held.
          appends.unshift({
            streamId: subjectId,
            events: eventsToAppend(subjectId, [holdOf(after, subjectId)], metadata),
            expectedRevision: subject.length === 0 ? 'no_stream' : subject.length - 1,
          });
        }
        try {
          const written = await unit.appendToStreams(appends);
          return { events, position: Math.max(...written.map((w) => w.position)), replayed: false };
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (attempt >= MAX_ATTEMPTS) {
            throw conflict(
              'LEDGER.CONCURRENT_WRITE',
              'Someone else changed this record at the same moment; please try again.',
              '他人同时修改了此记录，请重试。',
            );
          }
        }
      }
    });
  }
}
