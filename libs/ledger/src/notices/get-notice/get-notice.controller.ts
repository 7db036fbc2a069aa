import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { AllowedRoles, Public } from '../../http/auth.guard';
import { LedgerDocument, LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import { NoticeIdPipe } from '../notice-id';
import type { NoticeView, ObjectionList } from '../notice.view';
import { GetNoticeQuery, ListObjectionsQuery } from './get-notice.query';
import { noticeHtml } from './notice-html';

@ApiTags('notices')
@Controller('v1/notices')
export class GetNoticeController {
  constructor(private readonly queries: QueryBus) {}

  /** The printable notice for the village wall: no token, masked data only. Declared first: `:id` would take `….html`. */
  @Public()
  @LedgerDocument({ summary: 'Print notice: html', contentType: 'text/html', public: true, refusals: [] })
  @Get(':id.html')
  async html(
    @Param('id', NoticeIdPipe) noticeId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const view: NoticeView = await this.queries.execute(new GetNoticeQuery(noticeId, undefined));
    response.setHeader('Content-Type', 'text/html; charset=utf-8').setHeader('Cache-Control', 'no-store');
    return noticeHtml(view);
  }

  @ApiBearerAuth()
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @LedgerQuery({ summary: 'Get notice', view: 'NoticeView', refusals: ['AUTH.NOT_YOURS', 'NOTICE.OTHER_VILLAGE'] })
  @Get(':id')
  get(@Param('id', NoticeIdPipe) noticeId: string, @CurrentActor() actor: Actor): Promise<NoticeView> {
    return this.queries.execute(new GetNoticeQuery(noticeId, actor));
  }

  @ApiBearerAuth()
  @LedgerQuery({ summary: 'List objections to a notice', view: 'ObjectionList', refusals: ['AUTH.NOT_YOURS'] })
  @Get(':id/objections')
  objections(@Param('id', NoticeIdPipe) noticeId: string, @CurrentActor() actor: Actor): Promise<ObjectionList> {
    return this.queries.execute(new ListObjectionsQuery(noticeId, actor));
  }
}
