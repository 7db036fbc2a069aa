import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { StreamWriter } from '../../common/stream-writer';
import { NoticeWriter } from '../notice-writer';
import { toRowView } from '../notice-view';
import { PostNoticeCommand, type PostNoticeResult } from './post-notice.command';
import { decidePostNotice } from './post-notice.decide';
import { listingFor } from './notice-listing';

@CommandHandler(PostNoticeCommand)
export class PostNoticeHandler implements ICommandHandler<PostNoticeCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly notices: NoticeWriter,
    private readonly database: Database,
  ) {}

  async execute(command: PostNoticeCommand): Promise<PostNoticeResult> {
    const { noticeId, subject, village, township } = command.payload;
    const listing = await listingFor({ streams: this.streams, pool: this.database.pool }, subject, {
      village,
      township,
    });
    const { events, position } = await this.notices.decide(
      noticeId,
      (state) => decidePostNotice(command, state, listing),
      { ...command.metadata, township },
    );
    const posted = events.find((e) => e.type === 'NoticePosted');
    return { id: noticeId, position, rows: posted?.type === 'NoticePosted' ? posted.data.rows.map(toRowView) : [] };
  }
}
