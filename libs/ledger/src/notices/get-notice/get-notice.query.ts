import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { NoticeView, ObjectionList } from '../notice.view';

/** One notice as it stands (read from its stream); `actor` undefined for the public printable page. */
export class GetNoticeQuery extends Query<NoticeView> {
  constructor(
    readonly noticeId: string,
    readonly actor: Actor | undefined,
  ) {
    super();
  }
}

/** A notice's objections with their answers (clerks of its township, admins, auditors). */
export class ListObjectionsQuery extends Query<ObjectionList> {
  constructor(
    readonly noticeId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
