import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import type { ReconciliationView } from '../reconciliation.view';
import { ReconciliationIdPipe } from '../get-reconciliation/get-reconciliation.controller';
import { ApplyPendingReturnsCommand } from './apply-pending-returns.command';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/reconciliations')
export class ApplyPendingReturnsController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Records the returns a kept reconciliation decided (`apply=returns`) and that are still pending
   * (`returnApplication: pending`: interrupted after the record was kept); each return is written
   * once, so calling it again writes nothing. Answers the reconciliation reopened.
   */
  @LedgerWrite({
    summary: 'Apply a reconciliation’s pending returns',
    view: 'ReconciliationView',
    refusals: ['RECONCILIATION.NOT_FOUND', 'AUTH.OTHER_TOWNSHIP', 'AUTH.READ_ONLY_ROLE'],
  })
  @Post(':id/returns')
  @ApiParam({ name: 'id', example: 'reconciliation-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  apply(
    @Param('id', ReconciliationIdPipe) id: string,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<ReconciliationView> {
    return this.commands.execute(new ApplyPendingReturnsCommand(id, metadata));
  }
}
