import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../../common/domain-error';
import { filterConditions, type FilterColumns } from '../../common/list-filter';
import { sortedPage, type SortSpec } from '../../common/list-sort';
import { holdingsProjection, type HoldingKind } from '../../statements/holdings/holdings.projection';
import type { Page } from '../../common/page';
import { ProjectionsHost } from '../../projections/projections-host';
import { statementProjection } from '../../statements/statement.projection';
import { householdListProjection } from '../../households/list-households/household-list.projection';
import type { HouseholdStatus } from '../../households/household.events';
import type { HouseholdListItem } from '../../households/get-household/household.view';
import type { HouseholdForm, HouseholdSort } from './list-households.dto';
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
  received_fen: string;
  sort_key: string;
}

/**
 * The sorts of the register. A village sorts its households by registration number; what a household
 * received is its statement's total (lines neither reversed nor returned).
 */
const SORTS: SortSpec<HouseholdSort> = {
  keys: {
    name: { sql: 'head_name', type: 'text' },
    registrationNo: { sql: 'registration_no', type: 'text' },
    village: { sql: `(village || ' ' || registration_no)`, type: 'text' },
    received: { sql: 'received_fen', type: 'bigint' },
  },
  id: 'household_id',
  default: 'registrationNo',
};

const RECEIVED = `coalesce((select sum(l.amount_fen) from statement_lines l
   where l.household_id = h.household_id and l.reversal_id is null and l.returned_on is null), 0)`;

const PLACE: FilterColumns = { county: 'county', township: 'township', village: 'village' };

/** A linkage form as the holdings read model names it. */
const HOLDING_OF_FORM: Record<HouseholdForm, HoldingKind> = {
  equity: 'stake',
  lease: 'lease',
  labour: 'employment',
  order: 'order',
};

/** Lists the register by place and name, a page at a time in the order asked, within what the caller may see. */
@QueryHandler(ListHouseholdsQuery)
export class ListHouseholdsHandler implements IQueryHandler<ListHouseholdsQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor }: ListHouseholdsQuery): Promise<Page<HouseholdListItem>> {
    // Household users read their own statement only, not the register (contract: roles).
    if (actor.role === 'household') throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');
    await this.projections.waitFor(filter.minPosition, [
      householdListProjection.name,
      statementProjection.name,
      holdingsProjection.name,
    ]);
    const limit = filter.limit ?? 50;
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    where.push(...filterConditions(filter, PLACE, param));
    if (filter.form !== undefined) {
      where.push(
        `exists (select 1 from holdings k where k.household_id = h.household_id and k.kind = ${param(HOLDING_OF_FORM[filter.form])})`,
      );
    }
    if (filter.q) {
      const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(head_name like ${like} or registration_no like ${like})`);
    }
    if (actor.role === 'clerk') where.push(`township = any(${param(actor.townships)})`);
    // The total counts every match, whichever page this is: a search says how many it found, not only the first page.
    const matching = where.length ? `where ${where.join(' and ')}` : '';
    // The cursor is checked before any query starts: a refused one leaves no query unawaited.
    const countValues = [...values];
    const sort = sortedPage(SORTS, filter.sort, filter.cursor, param);
    const counted = this.database.pool.query<{ total: string }>(
      `select count(*) as total from household_list h ${matching}`,
      countValues,
    );
    const { rows } = await this.database.pool.query<Row>(
      `select s.*, ${sort.key}::text as sort_key
         from (select h.*, ${RECEIVED} as received_fen from household_list h ${matching}) s
        ${sort.after ? `where ${sort.after}` : ''}
        order by ${sort.orderBy} limit ${param(limit + 1)}`,
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
      receivedFen: Number(r.received_fen),
    }));
    const last = rows[limit - 1];
    return rows.length > limit && last
      ? { items, nextCursor: sort.cursorAfter(last.sort_key, last.household_id), total }
      : { items, total };
  }
}
