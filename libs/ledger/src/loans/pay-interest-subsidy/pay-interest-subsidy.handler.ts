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
    const { state: current } = await this.streams.read(loanId, loan);
    const township = current.status === 'disbursed' ? current.terms.township : undefined;
    const { events, position } = await this.streams.decide(
      loanId,
      loan,
      (state) => decidePayInterestSubsidy(command, state),
      { ...command.metadata, township },
    );
    const paid = events.find((e) => e.type === 'LoanInterestSubsidised');
    return { id: paid ? paid.data.paymentId : loanId, position };
  }
}
