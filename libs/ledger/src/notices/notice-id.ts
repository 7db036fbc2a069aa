import { IdPipe } from '../http/id.pipe';

/** A notice's id in a path (`notice-<uuid>`); kept apart from notice.state.ts, which deciders import. */
export const NoticeIdPipe = IdPipe('notice', '公示');
