import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { household } from '../../households/household.state';
import { dividend, townshipOf } from '../dividend.state';
import { PayDividendCommand } from './pay-dividend.command';
import { decidePayDividend } from './pay-dividend.decide';

@CommandHandler(PayDividendCommand)
export class PayDividendHandler implements ICommandHandler<PayDividendCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: PayDividendCommand): Promise<WriteResult> {
    const { declarationId, householdId } = command.payload;
    // Allocations never change after the declaration, so the household's township read here holds.
    const [{ state: current }, { state: payee }] = await Promise.all([
      this.streams.read(declarationId, dividend),
      this.streams.read(householdId, household),
    ]);
    const township = current.status === 'declared' ? townshipOf(current, householdId) : undefined;
    const payeeTownship = payee.status === 'registered' ? payee.township : undefined;
    const { events, position } = await this.streams.decide(
      declarationId,
      dividend,
      (state) => decidePayDividend(command, state, payeeTownship),
      { ...command.metadata, township },
    );
    const paid = events.find((e) => e.type === 'DividendPaid');
    return { id: paid?.type === 'DividendPaid' ? paid.data.paymentId : declarationId, position };
  }
}
