import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { NoticeSubject } from '../notice.events';
import type { NoticeRowView } from '../notice.view';

export interface PostNoticeResult {
  id: string;
  position: number;
  rows: NoticeRowView[];
}

/** Post a public notice (公示) for a village: its rows are frozen now. */
export class PostNoticeCommand extends Command<PostNoticeResult> {
  constructor(
    readonly payload: {
      noticeId: string;
      village: string;
      township: string;
      title: string;
      subject: NoticeSubject;
      opensOn: string;
      closesOn: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
