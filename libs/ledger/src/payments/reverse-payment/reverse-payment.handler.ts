import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '../../common/decider';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { dividendPayments } from '../../dividends/dividend.state';
import { employmentPayments } from '../../employment/employment.state';
import { leasePayments } from '../../leases/lease.state';
import { loanPayments } from '../../loans/loan.state';
import { orderPayments } from '../../orders/order.state';
import { parsePaymentId, type PaymentReversed } from '../payment';
import { ReversePaymentCommand } from './reverse-payment.command';
import { decideReversePayment, oneHousehold, paymentNotFound, type Reversible } from './reverse-payment.decide';

@CommandHandler(ReversePaymentCommand)
export class ReversePaymentHandler implements ICommandHandler<ReversePaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  execute(command: ReversePaymentCommand): Promise<WriteResult> {
    const parsed = parsePaymentId(command.payload.paymentId);
    if (!parsed) return Promise.reject(paymentNotFound(command.payload.paymentId));
    const { linkageId } = parsed;
    // The id's prefix names the kind of linkage stream that holds the payment.
    switch (linkageId.slice(0, linkageId.indexOf('-'))) {
      case 'dividend':
        // One declaration pays households of several townships: each payment is its household's.
        return this.reverse(command, linkageId, dividendPayments);
      case 'lease':
        return this.reverse(command, linkageId, oneHousehold(leasePayments));
      case 'employment':
        return this.reverse(command, linkageId, oneHousehold(employmentPayments));
      case 'order':
        return this.reverse(command, linkageId, oneHousehold(orderPayments));
      case 'loan':
        // A loan's repayments and interest subsidies: both concern the borrowing household.
        return this.reverse(command, linkageId, oneHousehold(loanPayments));
      default:
        return Promise.reject(paymentNotFound(command.payload.paymentId));
    }
  }

  private async reverse<State, Event extends DomainEvent>(
    command: ReversePaymentCommand,
    linkageId: string,
    linkage: Reversible<State, Event>,
  ): Promise<WriteResult> {
    const { paymentId } = command.payload;
    // A payment's household never changes: the township recorded is that of the state decide checks.
    const { events, position } = await this.streams.decide<State, Event | PaymentReversed>(
      linkageId,
      linkage.evolver,
      (state) => decideReversePayment(command, state, linkage),
      command.metadata,
      (state) => ({ township: linkage.townshipOfPayment(state, paymentId.replace(/\.r$/, '')) }),
    );
    const reversed = events.find((e): e is PaymentReversed => e.type === 'PaymentReversed');
    return { id: reversed ? reversed.data.reversalId : paymentId, position };
  }
}
