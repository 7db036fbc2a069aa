import { bankViewOf } from '../../payments/payment';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn } from '../../common/actor';
import { StreamWriter } from '../../common/stream-writer';
import { leaseNotFound } from '../lease.common';
import { currentEndsOn, lease, paidForPeriod } from '../lease.state';
import { GetLeaseQuery } from './get-lease.query';
import type { LeaseView } from './lease.view';

/** Reads one lease by folding its own stream: always current, no read model needed. */
@QueryHandler(GetLeaseQuery)
export class GetLeaseHandler implements IQueryHandler<GetLeaseQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ leaseId, actor }: GetLeaseQuery): Promise<LeaseView> {
    const { state, events } = await this.streams.read(leaseId, lease);
    if (state.status !== 'signed') throw leaseNotFound(leaseId);
    const { terms } = state;
    // Household users read their own statement only, not the linkage records (contract: roles).
    assertMayReadIn(actor, terms.township);
    const dues = state.dues.map((d) => {
      const paid = paidForPeriod(state.payments, d.period);
      return { ...d, paidFen: paid, outstandingFen: Math.max(0, d.amountFen - paid) };
    });
    const payments = state.payments.list().map((p) => ({
      paymentId: p.paymentId,
      period: p.period ?? '',
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      ...(state.references[p.paymentId] === undefined ? {} : { reference: state.references[p.paymentId] }),
      reversed: p.reversal !== undefined,
      ...(p.reversal === undefined ? {} : { reversal: p.reversal }),
      ...bankViewOf(p),
    }));
    const sum = (f: (d: (typeof dues)[number]) => number) => dues.reduce((s, d) => s + f(d), 0);
    return {
      id: terms.leaseId,
      entityId: terms.entityId,
      entityName: terms.entityName,
      householdId: terms.householdId,
      township: terms.township,
      areaMu: terms.areaMu,
      rentPerMuYearFen: terms.rentPerMuYearFen,
      startsOn: terms.startsOn,
      endsOn: currentEndsOn(state),
      signedEndsOn: terms.endsOn,
      schedule: terms.schedule,
      ended: state.ended ?? null,
      dues,
      payments,
      totals: {
        dueFen: sum((d) => d.amountFen),
        paidFen: sum((d) => d.paidFen),
        outstandingFen: sum((d) => d.outstandingFen),
      },
      position: events[events.length - 1].position,
    };
  }
}
