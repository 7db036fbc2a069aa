import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { loan } from '../loan.state';
import { PayInterestSubsidyCommand } from './pay-interest-subsidy.command';
import { decidePayInterestSubsidy } from './pay-interest-subsidy.decide';

@CommandHandler(PayInterestSubsidyCommand)
export class PayInterestSubsidyHandler implements ICommandHandler<PayInterestSubsidyCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: PayInterestSubsidyCommand): Promise<WriteResult> {
    const { loanId } = command.payload;
    // The household (and so the township) never changes after disbursement: taken from the folded state.
    const { events, position } = await this.streams.decide(
      loanId,
      loan,
      (state) => decidePayInterestSubsidy(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'disbursed' ? state.terms.township : undefined }),
    );
    const paid = events.find((e) => e.type === 'LoanInterestSubsidised');
    return { id: paid ? paid.data.paymentId : loanId, position };
  }
}
