import { bankViewOf } from '../../payments/payment';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { forbidden, notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { dividend, householdBalances } from '../dividend.state';
import { holderFields } from '../../stakes/stake-holder';
import type { DividendView } from './dividend.view';
import { GetDividendQuery } from './get-dividend.query';

/**
 * Reads one declaration from its own stream: always current. Admins and auditors read any; a clerk
 * reads a declaration of an entity in, or allocating to a household in, one of their townships.
 */
@QueryHandler(GetDividendQuery)
export class GetDividendHandler implements IQueryHandler<GetDividendQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ declarationId, actor }: GetDividendQuery): Promise<DividendView> {
    const { state, events } = await this.streams.read(declarationId, dividend);
    if (state.status !== 'declared') {
      throw notFound(
        'DIVIDEND.NOT_FOUND',
        `No dividend declaration ${declarationId}.`,
        `没有编号为 ${declarationId} 的分红方案。`,
      );
    }
    const townships = [state.township, ...state.allocations.map((a) => a.township)];
    const allowed =
      actor.role === 'admin' ||
      actor.role === 'auditor' ||
      (actor.role === 'clerk' && townships.some((t) => actor.townships.includes(t)));
    if (!allowed) throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');

    const households = householdBalances(state);
    const sum = (pick: (h: (typeof households)[number]) => number) => households.reduce((s, h) => s + pick(h), 0);
    return {
      id: state.declarationId,
      entityId: state.entityId,
      entityName: state.entityName,
      township: state.township,
      period: state.period,
      periodShare: state.periodShare,
      declaredOn: state.declaredOn,
      recordDate: state.recordDate,
      ...(state.poolFen === undefined ? {} : { poolFen: state.poolFen }),
      ...(state.supplementary ? { supplementary: true as const } : {}),
      totalShares: state.totalShares,
      allocations: state.allocations,
      households,
      payments: state.payments.list().map((p) => ({
        paymentId: p.paymentId,
        ...holderFields(p.householdId),
        amountFen: p.amountFen,
        paidOn: p.paidOn,
        ...(state.references[p.paymentId] === undefined ? {} : { reference: state.references[p.paymentId] }),
        reversed: p.reversal !== undefined,
        ...(p.reversal === undefined ? {} : { reversal: p.reversal }),
        ...bankViewOf(p),
      })),
      totals: {
        allocatedFen: sum((h) => h.allocatedFen),
        paidFen: sum((h) => h.paidFen),
        owedFen: sum((h) => h.owedFen),
      },
      position: events[events.length - 1].position,
    };
  }
}
