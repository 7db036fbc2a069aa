import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { holderOf, type StakeHolder } from '../../stakes/stake-holder';
import { dividend, townshipOf } from '../dividend.state';
import { PayDividendCommand } from './pay-dividend.command';
import { decidePayDividend } from './pay-dividend.decide';

@CommandHandler(PayDividendCommand)
export class PayDividendHandler implements ICommandHandler<PayDividendCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: PayDividendCommand): Promise<WriteResult> {
    const { declarationId } = command.payload;
    const householdId = holderOf(command.payload);
    // The payee's own stream is a second stream, read once; the declaration is read only by decide,
    // and the allocation's township (fixed at declaration) comes from that folded state.
    const payeeTownship = await this.payeeTownship(command.payload);
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

  /** A household's township, or a collective's (its entity's): what a clerk must be of. */
  private async payeeTownship(payee: StakeHolder): Promise<string | undefined> {
    if (payee.collectiveId !== undefined) {
      const { state } = await this.streams.read(payee.collectiveId, entity);
      return state.status === 'registered' ? state.township : undefined;
    }
    const { state } = await this.streams.read(holderOf(payee), household);
    return state.status === 'registered' ? state.township : undefined;
  }
}
