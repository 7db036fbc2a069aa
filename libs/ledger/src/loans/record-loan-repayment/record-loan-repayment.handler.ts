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
    // The household (and so the township) never changes after disbursement: read it for the metadata.
    const { state: current } = await this.streams.read(loanId, loan);
    const township = current.status === 'disbursed' ? current.terms.township : undefined;
    const { events, position } = await this.streams.decide(
      loanId,
      loan,
      (state) => decideRecordLoanRepayment(command, state),
      { ...command.metadata, township },
    );
    const repaid = events.find((e) => e.type === 'LoanRepaid');
    return { id: repaid ? repaid.data.paymentId : loanId, position };
  }
}
