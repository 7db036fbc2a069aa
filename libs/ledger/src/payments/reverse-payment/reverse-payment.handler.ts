import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '../../common/decider';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { parsePaymentId, type PaymentReversed } from '../payment';
import { ReversePaymentCommand } from './reverse-payment.command';
import { visitPaymentLinkage } from '../../payment-linkages';
import { decideReversePayment, paymentNotFound, type Reversible } from './reverse-payment.decide';

@CommandHandler(ReversePaymentCommand)
export class ReversePaymentHandler implements ICommandHandler<ReversePaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  execute(command: ReversePaymentCommand): Promise<WriteResult> {
    const parsed = parsePaymentId(command.payload.paymentId);
    if (!parsed) return Promise.reject(paymentNotFound(command.payload.paymentId));
    const { linkageId } = parsed;
    // The id's prefix names the kind of linkage stream that holds the payment.
    const reversed = visitPaymentLinkage(linkageId, (linkage) => this.reverse(command, linkageId, linkage));
    return reversed ?? Promise.reject(paymentNotFound(command.payload.paymentId));
  }

  private async reverse<State, Event extends DomainEvent>(
    command: ReversePaymentCommand,
    linkageId: string,
    linkage: Reversible<State, Event>,
  ): Promise<WriteResult> {
    const { paymentId } = command.payload;
    // A payment's household never changes: the township recorded is that of the state decide checks.
    const { events, position } = await this.streams.decide<State, Event | PaymentReversed>(
      linkage.stream ?? linkageId,
      linkage.evolver,
      (state) => decideReversePayment(command, state, linkage),
      command.metadata,
      (state) => ({ township: linkage.townshipOfPayment(state, paymentId.replace(/\.r$/, '')) }),
    );
    const reversed = events.find((e): e is PaymentReversed => e.type === 'PaymentReversed');
    return { id: reversed ? reversed.data.reversalId : paymentId, position };
  }
}
