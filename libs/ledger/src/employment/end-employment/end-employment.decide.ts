import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { monthOf } from '../../primitives/calendar';
import type { EmploymentEvent } from '../employment.events';
import { employmentNotFound, type EmploymentState } from '../employment.state';
import type { EndEmploymentCommand } from './end-employment.command';

/** An employment ends once, not before it started, and not before a month already paid. */
export function decideEndEmployment(command: EndEmploymentCommand, state: EmploymentState): EmploymentEvent[] {
  const { payload, metadata } = command;
  const { employmentId, endsOn } = payload;
  if (state.status === 'none') {
    throw employmentNotFound(employmentId);
  }
  assertMayWriteIn(metadata.actor, state.township);
  if (state.status === 'ended') {
    throw refuse(
      'EMPLOYMENT.ALREADY_ENDED',
      `The employment already ended on ${state.endsOn}.`,
      `该劳务联结已于 ${state.endsOn} 结束。`,
    );
  }
  if (endsOn < state.startsOn) {
    throw refuse(
      'EMPLOYMENT.ENDS_BEFORE_START',
      `endsOn ${endsOn} is before the employment started (${state.startsOn}).`,
      `结束日期 ${endsOn} 早于务工开始日期 ${state.startsOn}。`,
    );
  }
  const lastMonth = monthOf(endsOn);
  const later = state.payments
    .list()
    .filter((p) => !p.reversal && p.period !== undefined && p.period > lastMonth)
    .map((p) => p.period)
    .sort();
  if (later.length > 0) {
    const months = [...new Set(later)].join(', ');
    throw refuse(
      'EMPLOYMENT.PAID_AFTER_END',
      `Wages are on record for ${months}, after ${endsOn}; reverse them first or end the employment later.`,
      `${months} 的工资已发放，晚于结束日期 ${endsOn}；请先冲销这些发放，或改用更晚的结束日期。`,
    );
  }
  return [{ type: 'EmploymentEnded', data: payload }];
}
