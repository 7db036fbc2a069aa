import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { NoticeList } from '../notice.view';
import type { ListNoticesRequest } from './list-notices.dto';

/** Notices by place, newest window first, a page at a time, with totals over all that match. */
export class ListNoticesQuery extends Query<NoticeList> {
  constructor(
    readonly filter: ListNoticesRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
