import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { EmploymentIdPipe } from '../employment-id';
import { EndEmploymentCommand } from './end-employment.command';
import { EndEmploymentRequest } from './end-employment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/employments')
export class EndEmploymentController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'End employment',
    refusals: ['EMPLOYMENT.ALREADY_ENDED', 'EMPLOYMENT.ENDS_BEFORE_START', 'EMPLOYMENT.PAID_AFTER_END'],
  })
  @Post(':id/end')
  end(
    @Param('id', EmploymentIdPipe) employmentId: string,
    @Body() body: EndEmploymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new EndEmploymentCommand({ employmentId, ...body }, metadata));
  }
}
