import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { ProjectIdPipe } from '../project-id';
import { ReceiveProjectFundsCommand, type ReceiveProjectFundsResult } from './receive-project-funds.command';
import { ReceiveProjectFundsRequest } from './receive-project-funds.dto';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
export class ReceiveProjectFundsController {
  constructor(private readonly commands: CommandBus) {}

  @AllowedRoles('admin')
  @LedgerWrite({ summary: 'Receive project funds', refusals: ['PROJECT.FUNDS_TOO_LARGE', 'PROJECT.NOT_FOUND'] })
  @Post(':id/funds')
  receive(
    @Param('id', ProjectIdPipe) projectId: string,
    @Body() body: ReceiveProjectFundsRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<ReceiveProjectFundsResult> {
    return this.commands.execute(new ReceiveProjectFundsCommand({ projectId, ...body }, metadata));
  }
}
