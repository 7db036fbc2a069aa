import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { AllowedRoles, StatementLinkAllowed } from '../../http/auth.guard';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import { NoticeIdPipe } from '../notice-id';
import { RaiseObjectionCommand } from './raise-objection.command';
import { RaiseObjectionRequest } from './raise-objection.dto';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/notices')
export class RaiseObjectionController {
  constructor(private readonly commands: CommandBus) {}

  @AllowedRoles('admin', 'clerk', 'household')
  @StatementLinkAllowed()
  @LedgerWrite({
    summary: 'Raise objection',
    refusals: [
      'NOTICE.NOT_FOUND',
      'NOTICE.NOT_OPEN',
      'NOTICE.UNKNOWN_ROW',
      'NOTICE.OTHER_VILLAGE',
      'AUTH.OTHER_TOWNSHIP',
    ],
  })
  @Post(':id/objections')
  raise(
    @Param('id', NoticeIdPipe) noticeId: string,
    @Body() body: RaiseObjectionRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new RaiseObjectionCommand({ noticeId, ...body }, metadata));
  }
}
