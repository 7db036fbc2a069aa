import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../../common/domain-error';
import { ProjectionsHost } from '../../projections/projections-host';
import { periodFirstDay, periodLastDay, parsePeriod } from '../../primitives/period';
import { coverageProjection } from '../coverage.projection';
import { GetPaymentsMonthQuery } from './payments-month.query';
import type { PaymentsMonth } from './payments-month.view';

/**
 * "Payments this month" for the dashboard: one count over the coverage tables, which hold every
 * payment to a household with its date and whether it was reversed or returned.
 */
@QueryHandler(GetPaymentsMonthQuery)
export class GetPaymentsMonthHandler implements IQueryHandler<GetPaymentsMonthQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor, today }: GetPaymentsMonthQuery): Promise<PaymentsMonth> {
    if (actor.role === 'household') {
      throw forbidden('AUTH.NOT_YOURS', 'Payment totals are for clerks and auditors.', '发放汇总仅供经办人和审计查看。');
    }
    await this.projections.waitFor(filter.minPosition, [coverageProjection.name]);
    const month = filter.month ?? today.slice(0, 7);
    const parsed = parsePeriod(month);
    // The DTO accepted it as a month; parsing again only gives its first and last days.
    if (!parsed.ok) throw new Error(`not a month: ${month}`);
    const values: unknown[] = [periodFirstDay(parsed.period), periodLastDay(parsed.period)];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const where = ['not p.reversed', 'p.paid_on between $1 and $2'];
    if (filter.county) where.push(`h.county = ${param(filter.county)}`);
    if (actor.role === 'clerk') where.push(`h.township = any(${param(actor.townships)})`);
    const { rows } = await this.database.pool.query<{ payments: string; amount_fen: string; households: string }>(
      `select count(*) as payments, coalesce(sum(p.amount_fen), 0) as amount_fen,
              count(distinct p.household_id) as households
         from coverage_payments p join coverage_households h on h.household_id = p.household_id
        where ${where.join(' and ')}`,
      values,
    );
    const { position } = await this.projections.checkpoint(coverageProjection.name);
    const r = rows[0];
    return {
      month,
      ...(filter.county ? { county: filter.county } : {}),
      payments: Number(r?.payments ?? 0),
      amountFen: Number(r?.amount_fen ?? 0),
      households: Number(r?.households ?? 0),
      position,
    };
  }
}
