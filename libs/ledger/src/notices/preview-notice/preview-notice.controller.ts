import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Database } from '@ledger/runtime';
import { assertMayWriteIn, type Actor } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import { toRowView } from '../notice-view';
import type { NoticeSubject } from '../notice.events';
import type { NoticePreview } from '../notice.view';
import { listingFor } from '../post-notice/notice-listing';
import { noticeRows } from '../post-notice/post-notice.decide';
import { PreviewNoticeRequest } from './preview-notice.dto';

/**
 * The rows a notice would post now, as the clerk prepares it, without recording anything: the same
 * listing and masking as posting (a clerk of the township, an admin).
 */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/notices')
export class PreviewNoticeController {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
  ) {}

  @LedgerQuery({
    summary: 'Preview notice rows',
    view: 'NoticePreview',
    refusals: ['NOTICE.SUBJECT_NOT_FOUND', 'AUTH.OTHER_TOWNSHIP'],
  })
  @Get('preview')
  async preview(@QueryString() query: PreviewNoticeRequest, @CurrentActor() actor: Actor): Promise<NoticePreview> {
    if (actor.role !== 'auditor') assertMayWriteIn(actor, query.township);
    const subjects: NoticeSubject[] = [
      ...(query.declarationId ? [{ declarationId: query.declarationId }] : []),
      ...(query.distributionId ? [{ distributionId: query.distributionId }] : []),
      ...(query.period ? [{ period: query.period }] : []),
    ];
    const listing =
      subjects.length === 1
        ? await listingFor({ streams: this.streams, pool: this.database.pool }, subjects[0], query)
        : undefined;
    if (listing === undefined) {
      throw refuse(
        'NOTICE.SUBJECT_NOT_FOUND',
        'Give exactly one known subject: declarationId, distributionId or period.',
        '请给出一个账本中存在的公示对象：分红方案、村集体分配或期间。',
      );
    }
    return { rows: noticeRows(listing).map(toRowView) };
  }
}
