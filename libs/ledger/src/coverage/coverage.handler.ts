import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../common/domain-error';
import { ProjectionsHost } from '../projections/projections-host';
import { coverageProjection } from './coverage.projection';
import { GetCoverageQuery } from './coverage.query';
import type { Coverage, CoverageRow } from './coverage.view';

interface Row {
  county: string;
  township?: string;
  village?: string;
  households: string;
  covered: string;
  equity: string;
  lease: string;
  labour: string;
  order_form: string;
  collective: string;
  received_fen: string;
}

const GROUPS = { county: ['county'], township: ['county', 'township'], village: ['county', 'township', 'village'] } as const;

/** Counts coverage per place in one query over the coverage tables. */
@QueryHandler(GetCoverageQuery)
export class GetCoverageHandler implements IQueryHandler<GetCoverageQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor, today }: GetCoverageQuery): Promise<Coverage> {
    if (actor.role === 'household') throw forbidden('AUTH.NOT_YOURS', 'Coverage is for clerks and auditors.', '覆盖情况仅供经办人和审计查看。');
    await this.projections.waitFor(filter.minPosition, [coverageProjection.name]);
    const level = filter.level ?? 'village';
    const on = filter.on ?? today;
    const year = filter.year ?? Number(on.slice(0, 4));
    const values: unknown[] = [on, `${year}-01-01`, `${year}-12-31`];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const where: string[] = [];
    if (filter.county) where.push(`county = ${param(filter.county)}`);
    if (filter.township) where.push(`township = ${param(filter.township)}`);
    if (filter.village) where.push(`village = ${param(filter.village)}`);
    if (actor.role === 'clerk') where.push(`township = any(${param(actor.townships)})`);
    const groups = GROUPS[level].join(', ');
    const active = (form?: string) =>
      `count(*) filter (where exists (select 1 from coverage_linkages l where l.household_id = h.household_id
         and l.starts_on <= $1 and (l.ends_on is null or l.ends_on >= $1)${form ? ` and l.form = '${form}'` : ''}))`;
    const { rows } = await this.database.pool.query<Row>(
      `select ${groups}, count(*) as households, ${active()} as covered,
              ${active('equity')} as equity, ${active('lease')} as lease, ${active('labour')} as labour, ${active('order')} as order_form,
              ${active('collective')} as collective,
              coalesce(sum((select sum(p.amount_fen) from coverage_payments p
                             where p.household_id = h.household_id and not p.reversed and p.paid_on between $2 and $3)), 0) as received_fen
         from coverage_households h ${where.length ? `where ${where.join(' and ')}` : ''}
        group by ${groups} order by ${groups}`,
      values,
    );
    const items: CoverageRow[] = rows.map((r) => ({
      county: r.county,
      ...(r.township === undefined ? {} : { township: r.township }),
      ...(r.village === undefined ? {} : { village: r.village }),
      households: Number(r.households),
      covered: Number(r.covered),
      byForm: {
        equity: Number(r.equity),
        lease: Number(r.lease),
        labour: Number(r.labour),
        order: Number(r.order_form),
        collective: Number(r.collective),
      },
      receivedFen: Number(r.received_fen),
    }));
    const totals = items.reduce(
      (t, i) => ({
        households: t.households + i.households,
        covered: t.covered + i.covered,
        byForm: {
          equity: t.byForm.equity + i.byForm.equity,
          lease: t.byForm.lease + i.byForm.lease,
          labour: t.byForm.labour + i.byForm.labour,
          order: t.byForm.order + i.byForm.order,
          collective: t.byForm.collective + i.byForm.collective,
        },
        receivedFen: t.receivedFen + i.receivedFen,
      }),
      { households: 0, covered: 0, byForm: { equity: 0, lease: 0, labour: 0, order: 0, collective: 0 }, receivedFen: 0 },
    );
    const { position } = await this.projections.checkpoint(coverageProjection.name);
    return { level, on, year, position, items, totals };
  }
}
