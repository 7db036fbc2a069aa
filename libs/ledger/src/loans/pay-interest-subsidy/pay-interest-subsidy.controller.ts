import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { LoanIdPipe } from '../loan-id';
import { PayInterestSubsidyCommand } from './pay-interest-subsidy.command';
import { PayInterestSubsidyRequest } from './pay-interest-subsidy.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('credit')
@ApiBearerAuth()
@Controller('v1/loans')
export class PayInterestSubsidyController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Pay interest subsidy',
    refusals: ['LOAN.NO_SUBSIDY', 'LOAN.SUBSIDY_BEFORE_DISBURSED', 'LOAN.SUBSIDY_EXCEEDS_CAP'],
  })
  @Post(':id/subsidies')
  pay(
    @Param('id', LoanIdPipe) loanId: string,
    @Body() body: PayInterestSubsidyRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new PayInterestSubsidyCommand({ loanId, ...body }, metadata));
  }
}
