import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import { assertNoNoticeHold } from '../../payments/notice-hold';
import { paymentIdFor } from '../../payments/payment';
import { formatYuan } from '../../primitives/money';
import { holderOf } from '../../stakes/stake-holder';
import type { DividendEvent } from '../dividend.events';
import { allocatedTo, owedTo, townshipOf, type DividendState } from '../dividend.state';
import type { PayDividendCommand } from './pay-dividend.command';

/**
 * Pays a household part or all of what it is owed on a declaration: only a household allocated on
 * it, not before the declaration, and never more than its allocation minus what it was already paid
 * (reversed payments do not count), and not while a public notice on the declaration holds it. Concurrent payments race on the declaration's stream, so two
 * clerks paying the same allocation at once cannot both succeed.
 */
export function decidePayDividend(
  command: PayDividendCommand,
  state: DividendState,
  /**
   * The payee's township as its own stream says (read by the handler): a clerk is refused (403) for
   * another township's household before anything about the declaration's allocations is revealed.
   */
  payeeTownship?: string,
): DividendEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'declared') {
    throw notFound(
      'DIVIDEND.NOT_FOUND',
      `No dividend declaration ${payload.declarationId}.`,
      `没有编号为 ${payload.declarationId} 的分红方案。`,
    );
  }
  // Read-only roles are refused before anything about the declaration is revealed.
  if (metadata.actor.role !== 'admin' && metadata.actor.role !== 'clerk')
    assertMayWriteIn(metadata.actor, state.township);
  if (payeeTownship !== undefined) assertMayWriteIn(metadata.actor, payeeTownship);
  const payee = holderOf(payload);
  const township = townshipOf(state, payee);
  if (township === undefined && payload.collectiveId !== undefined) {
    throw refuse(
      'DIVIDEND.COLLECTIVE_NOT_ALLOCATED',
      `Collective ${payload.collectiveId} held no stake in ${state.entityName} on the record date ${state.recordDate} ` +
        `and is allocated nothing on this ${state.period} declaration.`,
      `村集体 ${payload.collectiveId} 在股权登记日 ${state.recordDate} 未持有${state.entityName}的股份，` +
        `本次（${state.period}）分红没有分配给该村集体。`,
    );
  }
  if (township === undefined) {
    throw refuse(
      'DIVIDEND.HOUSEHOLD_NOT_ALLOCATED',
      `Household ${payee} held no stake in ${state.entityName} on the record date ${state.recordDate} ` +
        `and is allocated nothing on this ${state.period} declaration.`,
      `农户 ${payee} 在股权登记日 ${state.recordDate} 未持有${state.entityName}的股份，` +
        `本次（${state.period}）分红没有分配给该户。`,
    );
  }
  assertMayWriteIn(metadata.actor, township);
  // A public notice (公示) on this declaration holds the village's payments until it has closed with
  // every objection answered; the hold is in this stream, so it and the payment cannot race. A notice
  // lists households only: a payment to a collective is never held.
  assertNoNoticeHold(state.noticeHolds, payee, metadata.issuedAt);
  if (payload.paidOn < state.declaredOn) {
    throw refuse(
      'DIVIDEND.PAID_BEFORE_DECLARED',
      `The dividend was declared on ${state.declaredOn}; it cannot have been paid earlier (${payload.paidOn}).`,
      `该分红于 ${state.declaredOn} 宣告，发放日期 ${payload.paidOn} 不能早于宣告日期。`,
    );
  }
  const owed = owedTo(state, payee);
  if (payload.amountFen > owed) {
    throw refuse(
      'DIVIDEND.OVERPAYMENT',
      `The household was allocated ${formatYuan(allocatedTo(state, payee))} yuan and is still owed ` +
        `${formatYuan(owed)} yuan, less than the ${formatYuan(payload.amountFen)} yuan to be paid.`,
      `该户本次分红应得 ${formatYuan(allocatedTo(state, payee))} 元，还欠 ${formatYuan(owed)} 元，` +
        `少于本次发放的 ${formatYuan(payload.amountFen)} 元。`,
    );
  }
  return [
    {
      type: 'DividendPaid',
      data: {
        declarationId: state.declarationId,
        paymentId: paymentIdFor(state.declarationId, state.payments.count + 1),
        ...(payload.collectiveId === undefined ? { householdId: payee } : { collectiveId: payload.collectiveId }),
        amountFen: payload.amountFen,
        paidOn: payload.paidOn,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
      },
    },
  ];
}
