import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { ProjectIdPipe } from '../project-id';
import { DisburseProjectFundsCommand, type DisburseProjectFundsResult } from './disburse-project-funds.command';
import { DisburseProjectFundsRequest } from './disburse-project-funds.dto';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
export class DisburseProjectFundsController {
  constructor(private readonly commands: CommandBus) {}

  @AllowedRoles('admin')
  @LedgerWrite({
    summary: 'Disburse project funds',
    refusals: ['PROJECT.DISBURSEMENT_EXCEEDS_FUNDS', 'PROJECT.NOT_FOUND', 'PROJECT.UNKNOWN_ENTITY'],
  })
  @Post(':id/disbursements')
  disburse(
    @Param('id', ProjectIdPipe) projectId: string,
    @Body() body: DisburseProjectFundsRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<DisburseProjectFundsResult> {
    return this.commands.execute(new DisburseProjectFundsCommand({ projectId, ...body }, metadata));
  }
}
