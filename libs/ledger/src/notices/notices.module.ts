import { Module } from '@nestjs/common';
import { GetNoticeController } from './get-notice/get-notice.controller';
import { GetNoticeHandler, ListObjectionsHandler } from './get-notice/get-notice.handler';
import { ListNoticesController } from './list-notices/list-notices.controller';
import { ListNoticesHandler } from './list-notices/list-notices.handler';
import { NoticeWriter } from './notice-writer';
import { PostNoticeController } from './post-notice/post-notice.controller';
import { PostNoticeHandler } from './post-notice/post-notice.handler';
import { PreviewNoticeController } from './preview-notice/preview-notice.controller';
import { RaiseObjectionController } from './raise-objection/raise-objection.controller';
import { RaiseObjectionHandler } from './raise-objection/raise-objection.handler';
import { ResolveObjectionController } from './resolve-objection/resolve-objection.controller';
import { ResolveObjectionHandler } from './resolve-objection/resolve-objection.handler';

/** Public notices (公示) for a village, objections (异议) and their answers, and the hold on payments. */
@Module({
  controllers: [
    PostNoticeController,
    // Before `v1/notices/:id`, which would take `preview` for an id.
    PreviewNoticeController,
    ListNoticesController,
    // Before any other `v1/notices/:id` route: `GET v1/notices/:id.html` must not be taken for an id.
    GetNoticeController,
    RaiseObjectionController,
    ResolveObjectionController,
  ],
  providers: [
    NoticeWriter,
    PostNoticeHandler,
    GetNoticeHandler,
    ListObjectionsHandler,
    ListNoticesHandler,
    RaiseObjectionHandler,
    ResolveObjectionHandler,
  ],
})
export class NoticesModule {}
