import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { loanIdForContract } from '../loan-id';
import { RecordLoanCommand } from './record-loan.command';
import { RecordLoanRequest } from './record-loan.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('credit')
@ApiBearerAuth()
@Controller('v1/loans')
export class RecordLoanController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Record loan',
    refusals: [
      'LOAN.CONTRACT_NO_TAKEN',
      'LOAN.PRINCIPAL_ABOVE_LIMIT',
      'LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE',
      'LOAN.TERM_ABOVE_LIMIT',
      'LOAN.UNKNOWN_ENTITY',
      'LOAN.UNKNOWN_HOUSEHOLD',
      'LOAN.UNKNOWN_PROJECT',
    ],
  })
  @Post()
  record(@Body() body: RecordLoanRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    const { subsidy, ...rest } = body;
    const loanId =
      body.contractNo === undefined ? newStreamId('loan', metadata) : loanIdForContract(body.lender, body.contractNo);
    return this.commands.execute(
      new RecordLoanCommand(
        {
          ...rest,
          loanId,
          lender: body.lender.trim(),
          ...(body.contractNo === undefined ? {} : { contractNo: body.contractNo.trim() }),
          ...(subsidy === undefined ? {} : { subsidy: { ...subsidy } }),
        },
        metadata,
      ),
    );
  }
}
