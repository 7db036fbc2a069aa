import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { StartEmploymentCommand } from './start-employment.command';
import { StartEmploymentRequest } from './start-employment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/employments')
export class StartEmploymentController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({ summary: 'Start employment', refusals: ['EMPLOYMENT.ALREADY_STARTED'] })
  @Post()
  start(@Body() body: StartEmploymentRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    return this.commands.execute(
      new StartEmploymentCommand({ ...body, employmentId: newStreamId('employment', metadata) }, metadata),
    );
  }
}
