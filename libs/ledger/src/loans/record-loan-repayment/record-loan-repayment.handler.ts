import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { loan } from '../loan.state';
import { RecordLoanRepaymentCommand } from './record-loan-repayment.command';
import { decideRecordLoanRepayment } from './record-loan-repayment.decide';

@CommandHandler(RecordLoanRepaymentCommand)
export class RecordLoanRepaymentHandler implements ICommandHandler<RecordLoanRepaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RecordLoanRepaymentCommand): Promise<WriteResult> {
    const { loanId } = command.payload;
    // The household (and so the township) never changes after disbursement: taken from the folded state.
    const { events, position } = await this.streams.decide(
      loanId,
      loan,
      (state) => decideRecordLoanRepayment(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'disbursed' ? state.terms.township : undefined }),
    );
    const repaid = events.find((e) => e.type === 'LoanRepaid');
    return { id: repaid ? repaid.data.paymentId : loanId, position };
  }
}
