import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn } from '../../common/actor';
import { StreamWriter, toDomainEvent } from '../../common/stream-writer';
import type { EmploymentEvent } from '../employment.events';
import { employment, employmentNotFound } from '../employment.state';
import type { EmploymentView } from './employment.view';
import { GetEmploymentQuery } from './get-employment.query';

/** Reads one employment from its own stream: always current, no read model needed. */
@QueryHandler(GetEmploymentQuery)
export class GetEmploymentHandler implements IQueryHandler<GetEmploymentQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ employmentId, actor }: GetEmploymentQuery): Promise<EmploymentView> {
    const { state, events } = await this.streams.read(employmentId, employment);
    if (state.status === 'none') {
      throw employmentNotFound(employmentId);
    }
    assertMayReadIn(actor, state.township);
    const { employmentId: id, payments, ...rest } = state;
    const paid = events
      .map((recorded) => toDomainEvent<EmploymentEvent>(recorded))
      .flatMap((e) => (e.type === 'WagePaid' ? [e.data] : []))
      .map((data) => {
        const reversal = payments.get(data.paymentId)?.reversal;
        return reversal ? { ...data, reversal } : data;
      });
    return { id, ...rest, payments: paid, position: events[events.length - 1].position };
  }
}
