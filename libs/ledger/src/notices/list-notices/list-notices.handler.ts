import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { filterConditions, type FilterColumns } from '../../common/list-filter';
import { sortedPage, type SortSpec } from '../../common/list-sort';
import { ProjectionsHost } from '../../projections/projections-host';
import { dateInChina } from '../../primitives/calendar';
import { noticeStatus } from '../notice-rules';
import type { NoticeList, NoticeSubjectView } from '../notice.view';
import type { NoticeSort } from './list-notices.dto';
import { ListNoticesQuery } from './list-notices.query';
import { noticeListProjection } from './notice-list.projection';

interface Row {
  notice_id: string;
  township: string;
  village: string;
  title: string;
  subject: NoticeSubjectView;
  opens_on: string;
  closes_on: string;
  row_count: number;
  total_fen: string;
  objections_open: number;
  objections_upheld: number;
  objections_rejected: number;
  sort_key: string;
}

/** The sorts of the notices: the latest opened first unless asked otherwise. */
const SORTS: SortSpec<NoticeSort> = {
  keys: {
    opensOn: { sql: 'opens_on', type: 'date' },
    village: { sql: 'village', type: 'text' },
    total: { sql: 'total_fen', type: 'bigint' },
    openObjections: { sql: 'objections_open', type: 'bigint' },
  },
  id: 'notice_id',
  default: '-opensOn',
};

/** Where each filter of the list applies: the year is the year the notice opened (posted in the village). */
const FILTERS: FilterColumns = { township: 'township', village: 'village', year: 'opens_on' };

@QueryHandler(ListNoticesQuery)
export class ListNoticesHandler implements IQueryHandler<ListNoticesQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor }: ListNoticesQuery): Promise<NoticeList> {
    await this.projections.waitFor(filter.minPosition, [noticeListProjection.name]);
    const limit = filter.limit ?? 50;
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    where.push(...filterConditions(filter, FILTERS, param));
    if (actor.role === 'clerk') where.push(`township = any(${param(actor.townships)})`);
    const matching = where.length ? `where ${where.join(' and ')}` : '';
    const totals = await this.database.pool.query<{ notices: string; rows: string; total: string; open: string }>(
      `select count(*) as notices, coalesce(sum(row_count), 0) as rows, coalesce(sum(total_fen), 0) as total,
              coalesce(sum(objections_open), 0) as open
         from notice_list ${matching}`,
      values,
    );
    const sort = sortedPage(SORTS, filter.sort, filter.cursor, param);
    if (sort.after) where.push(sort.after);
    const { rows } = await this.database.pool.query<Row>(
      `select notice_id, township, village, title, subject, to_char(opens_on, 'YYYY-MM-DD') as opens_on,
              to_char(closes_on, 'YYYY-MM-DD') as closes_on, row_count, total_fen, objections_open,
              objections_upheld, objections_rejected, ${sort.key}::text as sort_key
         from notice_list ${where.length ? `where ${where.join(' and ')}` : ''}
        order by ${sort.orderBy} limit ${param(limit + 1)}`,
      values,
    );
    const today = dateInChina(new Date());
    const items = rows.slice(0, limit).map((r) => ({
      id: r.notice_id,
      village: r.village,
      township: r.township,
      title: r.title,
      subject: r.subject,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      status: noticeStatus({ opensOn: r.opens_on, closesOn: r.closes_on }, today),
      rowCount: r.row_count,
      totalFen: Number(r.total_fen),
      objections: { open: r.objections_open, upheld: r.objections_upheld, rejected: r.objections_rejected },
    }));
    const t = totals.rows[0];
    const last = rows[limit - 1];
    return {
      items,
      ...(rows.length > limit && last ? { nextCursor: sort.cursorAfter(last.sort_key, last.notice_id) } : {}),
      totals: {
        notices: Number(t.notices),
        rows: Number(t.rows),
        totalFen: Number(t.total),
        openObjections: Number(t.open),
      },
    };
  }
}
