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
    // The payee's own stream is a second stream, read once; the declaration is read only by decide,
    // and the allocation's township (fixed at declaration) comes from that folded state.
    const { state: payee } = await this.streams.read(householdId, household);
    const payeeTownship = payee.status === 'registered' ? payee.township : undefined;
    const { events, position } = await this.streams.decide(
      declarationId,
      dividend,
      (state) => decidePayDividend(command, state, payeeTownship),
      command.metadata,
      (state) => ({ township: state.status === 'declared' ? townshipOf(state, householdId) : undefined }),
    );
    const paid = events.find((e) => e.type === 'DividendPaid');
    return { id: paid?.type === 'DividendPaid' ? paid.data.paymentId : declarationId, position };
  }
}
