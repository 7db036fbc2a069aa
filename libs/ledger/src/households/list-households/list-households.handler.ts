import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../../common/domain-error';
import { encodeCursor, readCursor, type Page } from '../../common/page';
import { ProjectionsHost } from '../../projections/projections-host';
import { householdListProjection } from './household-list.projection';
import type { HouseholdStatus } from '../household.events';
import type { HouseholdSummary } from '../get-household/household.view';
import { ListHouseholdsQuery } from './list-households.query';

interface Row {
  household_id: string;
  registration_no: string;
  head_name: string;
  members: number;
  village: string;
  township: string;
  county: string;
  status: HouseholdStatus;
}

/** Lists the register by place and name, a page at a time, within what the caller may see. */
@QueryHandler(ListHouseholdsQuery)
export class ListHouseholdsHandler implements IQueryHandler<ListHouseholdsQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor }: ListHouseholdsQuery): Promise<Page<HouseholdSummary>> {
    // Household users read their own statement only, not the register (contract: roles).
    if (actor.role === 'household') throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');
    await this.projections.waitFor(filter.minPosition, [householdListProjection.name]);
    const limit = filter.limit ?? 50;
    const after = readCursor(filter.cursor, 2);
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    if (filter.township) where.push(`township = ${param(filter.township)}`);
    if (filter.village) where.push(`village = ${param(filter.village)}`);
    if (filter.q) {
      const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(head_name like ${like} or registration_no like ${like})`);
    }
    if (actor.role === 'clerk') where.push(`township = any(${param(actor.townships)})`);
    // The total counts every match, whichever page this is: a search says how many it found, not only the first page.
    const matching = where.length ? `where ${where.join(' and ')}` : '';
    const counted = this.database.pool.query<{ total: string }>(
      `select count(*) as total from household_list ${matching}`,
      [...values],
    );
    if (after) where.push(`(registration_no, household_id) > (${param(after[0])}, ${param(after[1])})`);
    const { rows } = await this.database.pool.query<Row>(
      `select * from household_list ${where.length ? `where ${where.join(' and ')}` : ''}
        order by registration_no, household_id limit ${param(limit + 1)}`,
      values,
    );
    const total = Number((await counted).rows[0]?.total ?? 0);
    const items = rows.slice(0, limit).map((r) => ({
      id: r.household_id,
      registrationNo: r.registration_no,
      headName: r.head_name,
      members: r.members,
      village: r.village,
      township: r.township,
      county: r.county,
      status: r.status,
    }));
    const last = items[items.length - 1];
    return rows.length > limit && last
      ? { items, nextCursor: encodeCursor([last.registrationNo, last.id]), total }
      : { items, total };
  }
}
