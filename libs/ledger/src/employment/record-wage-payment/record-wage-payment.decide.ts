import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { paymentIdFor } from '../../payments/payment';
import { daysInMonth, monthOf } from '../../primitives/calendar';
import { formatYuan } from '../../primitives/money';
import type { EmploymentEvent } from '../employment.events';
import { employmentNotFound, paymentsForMonth, type EmploymentState } from '../employment.state';
import type { RecordWagePaymentCommand } from './record-wage-payment.command';

/**
 * A wage month must lie inside the employment (from the month it started to the month it ended);
 * the first payment for a month is the wage, any later one must be marked supplementary (补发), and
 * only unreversed payments count. Day-rate wages need the days worked.
 */
export function decideRecordWagePayment(command: RecordWagePaymentCommand, state: EmploymentState): EmploymentEvent[] {
  const { payload, metadata } = command;
  const { employmentId, period, paidOn } = payload;
  if (state.status === 'none') {
    throw employmentNotFound(employmentId);
  }
  assertMayWriteIn(metadata.actor, state.township);

  const firstMonth = monthOf(state.startsOn);
  if (period < firstMonth) {
    throw refuse(
      'EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT',
      `${period} is before the employment started (${state.startsOn}).`,
      `${period} 早于务工开始日期 ${state.startsOn}，不能发放该月工资。`,
    );
  }
  if (state.endsOn !== undefined && period > monthOf(state.endsOn)) {
    throw refuse(
      'EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT',
      `${period} is after the employment ended (${state.endsOn}).`,
      `${period} 晚于务工结束日期 ${state.endsOn}，不能发放该月工资。`,
    );
  }
  if (paidOn < state.startsOn) {
    throw refuse(
      'EMPLOYMENT.PAID_BEFORE_START',
      `paidOn ${paidOn} is before the employment started (${state.startsOn}).`,
      `发放日期 ${paidOn} 早于务工开始日期 ${state.startsOn}。`,
    );
  }
  if (payload.daysWorked === undefined && state.wageBasis === 'daily') {
    throw refuse(
      'EMPLOYMENT.DAYS_WORKED_REQUIRED',
      'Day-rate wages need daysWorked.',
      '按日计薪的工资须填写出勤天数。',
    );
  }
  const monthDays = daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
  if (payload.daysWorked !== undefined && payload.daysWorked > monthDays) {
    throw refuse(
      'EMPLOYMENT.TOO_MANY_DAYS',
      `${period} has ${monthDays} days; daysWorked ${payload.daysWorked} is more.`,
      `${period} 只有 ${monthDays} 天，出勤天数 ${payload.daysWorked} 超出。`,
    );
  }

  const supplementary = payload.supplementary ?? false;
  const earlier = paymentsForMonth(state, period);
  if (earlier.length > 0 && !supplementary) {
    const paid = earlier.reduce((sum, p) => sum + p.amountFen, 0);
    const ids = earlier.map((p) => p.paymentId).join(', ');
    throw refuse(
      'EMPLOYMENT.MONTH_ALREADY_PAID',
      `Wages for ${period} were already paid (${formatYuan(paid)} yuan, ${ids}); mark a further payment as supplementary.`,
      `${period} 的工资已发放 ${formatYuan(paid)} 元（${ids}）；如属补发，请标明补发（supplementary）。`,
    );
  }
  if (earlier.length === 0 && supplementary) {
    throw refuse(
      'EMPLOYMENT.NOTHING_TO_SUPPLEMENT',
      `No wages for ${period} are on record yet, so this payment cannot be supplementary.`,
      `${period} 尚无工资发放记录，不能记为补发。`,
    );
  }

  return [
    {
      type: 'WagePaid',
      data: {
        employmentId,
        paymentId: paymentIdFor(employmentId, state.payments.count + 1),
        householdId: state.householdId,
        workerName: state.workerName,
        period,
        amountFen: payload.amountFen,
        paidOn,
        ...(payload.daysWorked === undefined ? {} : { daysWorked: payload.daysWorked }),
        supplementary,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
      },
    },
  ];
}
