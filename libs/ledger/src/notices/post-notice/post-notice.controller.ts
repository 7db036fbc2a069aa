import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import type { NoticeSubject } from '../notice.events';
import { PostNoticeCommand, type PostNoticeResult } from './post-notice.command';
import { PostNoticeRequest } from './post-notice.dto';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/notices')
export class PostNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Post notice',
    refusals: ['NOTICE.WINDOW_TOO_SHORT', 'NOTICE.SUBJECT_NOT_FOUND', 'NOTICE.NO_ROWS', 'AUTH.OTHER_TOWNSHIP'],
  })
  @Post()
  post(@Body() body: PostNoticeRequest, @RequestMetadata() metadata: CommandMetadata): Promise<PostNoticeResult> {
    const { subject, ...rest } = body;
    const only: NoticeSubject =
      subject.declarationId !== undefined
        ? { declarationId: subject.declarationId }
        : subject.distributionId !== undefined
          ? { distributionId: subject.distributionId }
          : { period: subject.period! };
    return this.commands.execute(
      new PostNoticeCommand({ ...rest, subject: only, noticeId: newStreamId('notice', metadata) }, metadata),
    );
  }
}
