import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { employment } from '../employment.state';
import { RecordWagePaymentCommand } from './record-wage-payment.command';
import { decideRecordWagePayment } from './record-wage-payment.decide';

@CommandHandler(RecordWagePaymentCommand)
export class RecordWagePaymentHandler implements ICommandHandler<RecordWagePaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RecordWagePaymentCommand): Promise<WriteResult> {
    const { employmentId } = command.payload;
    // The township is fixed when the employment starts; it goes on the payment's metadata. (An
    // unknown employment is refused by the decider, so the township is read only from a started one.)
    const { events, position } = await this.streams.decide(
      employmentId,
      employment,
      (state) => decideRecordWagePayment(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'none' ? undefined : state.township }),
    );
    const paid = events.find((e) => e.type === 'WagePaid');
    return { id: paid?.type === 'WagePaid' ? paid.data.paymentId : employmentId, position };
  }
}
