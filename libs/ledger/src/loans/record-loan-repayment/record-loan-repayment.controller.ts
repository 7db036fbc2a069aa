import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { LoanIdPipe } from '../loan-id';
import { RecordLoanRepaymentCommand } from './record-loan-repayment.command';
import { RecordLoanRepaymentRequest } from './record-loan-repayment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('credit')
@ApiBearerAuth()
@Controller('v1/loans')
export class RecordLoanRepaymentController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Record loan repayment',
    refusals: [
      'LOAN.ENTITY_REPAYMENT_NOT_INVESTED',
      'LOAN.REPAID_BEFORE_DISBURSED',
      'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING',
    ],
  })
  @Post(':id/repayments')
  repay(
    @Param('id', LoanIdPipe) loanId: string,
    @Body() body: RecordLoanRepaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordLoanRepaymentCommand({ loanId, ...body }, metadata));
  }
}
