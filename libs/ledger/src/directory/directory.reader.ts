import { Injectable } from '@nestjs/common';
import { Database } from '@ledger/runtime';
import { assertMayReadIn, type Actor } from '../common/actor';
import { forbidden, notFound } from '../common/domain-error';
import { sortedPage, type SortSpec } from '../common/list-sort';
import type { Page } from '../common/page';
import { StreamWriter } from '../common/stream-writer';
import { household } from '../households/household.state';
import { BadInputException } from '../common/bad-input';
import { ProjectionsHost } from '../projections/projections-host';
import { directoryProjection } from './directory.projection';
import type { EntitySort, ListDirectoryRequest, ListEntitiesRequest } from './directory.dto';

/** Entities by name (default), kind or township, each then by name; ties by id. */
const ENTITY_ORDER: SortSpec<EntitySort> = {
  keys: {
    name: { sql: 'name', type: 'text' },
    kind: { sql: "(kind || ' ' || name)", type: 'text' },
    township: { sql: "(township || ' ' || name)", type: 'text' },
  },
  id: 'entity_id',
  default: 'name',
};

/** Projects by name; ties by id. */
const PROJECT_ORDER: SortSpec<'name'> = {
  keys: { name: { sql: 'name', type: 'text' } },
  id: 'project_id',
  default: 'name',
};
import type {
  EntityListItem,
  HouseholdLinkage,
  HouseholdLinkages,
  LinkageTerms,
  ProjectListItem,
} from './directory.view';

const refuseHouseholdRole = (actor: Actor) => {
  if (actor.role === 'household') throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');
};

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const dateText = (d: unknown): string | undefined =>
  d instanceof Date ? d.toISOString().slice(0, 10) : typeof d === 'string' ? d.slice(0, 10) : undefined;

/** Reads the directory read model: entities and projects for pickers, a household's linkages. */
@Injectable()
export class DirectoryReader {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
    private readonly streams: StreamWriter,
  ) {}

  /**
   * Entities by name; a clerk sees those of their townships and those its townships' households are
   * linked to (a county-seat company employing a village's workers is the clerk's to pay from).
   */
  async entities(filter: ListEntitiesRequest, actor: Actor): Promise<Page<EntityListItem>> {
    refuseHouseholdRole(actor);
    const rows = await this.page('entity_list', ENTITY_ORDER, filter, (where, param) => {
      if (filter.q) {
        const like = param(likeOf(filter.q));
        where.push(`(name like ${like} or coalesce(credit_code, '') like ${like})`);
      }
      if (filter.township) where.push(`township = ${param(filter.township)}`);
      if (filter.county) where.push(`county = ${param(filter.county)}`);
      if (actor.role === 'clerk') {
        const townships = param(actor.townships);
        where.push(
          `(township = any(${townships}) or entity_id in (select entity_id from household_linkages where township = any(${townships})))`,
        );
      }
    });
    return this.paged(rows, filter, (r) => ({
      id: r.entity_id as string,
      name: r.name as string,
      kind: r.kind as string,
      ...(r.credit_code ? { creditCode: r.credit_code as string } : {}),
      township: r.township as string,
      county: r.county as string,
    }));
  }

  /** Projects by name: for auditors and admins, like the project itself. */
  async projects(filter: ListDirectoryRequest, actor: Actor): Promise<Page<ProjectListItem>> {
    if (actor.role !== 'admin' && actor.role !== 'auditor') {
      throw forbidden('AUTH.NOT_YOURS', 'Projects are read by auditors and admins.', '项目只有审计和管理员可以查看。');
    }
    if (filter.township) throw new BadInputException([{ path: 'township', message: 'projects have no township' }]);
    const rows = await this.page('project_list', PROJECT_ORDER, filter, (where, param) => {
      if (filter.q) where.push(`name like ${param(likeOf(filter.q))}`);
      if (filter.county) where.push(`county = ${param(filter.county)}`);
    });
    return this.paged(rows, filter, (r) => ({
      id: r.project_id as string,
      name: r.name as string,
      industry: r.industry as string,
      county: r.county as string,
      ...(r.operator_id ? { operatorId: r.operator_id as string } : {}),
      ...(r.assistance_model ? { assistanceModel: r.assistance_model as string } : {}),
    }));
  }

  /**
   * Every linkage of a household, newest first, for whoever may read the household's register entry
   * (household users read their statement only, as the contract says).
   */
  async householdLinkages(householdId: string, actor: Actor, minPosition?: number): Promise<HouseholdLinkages> {
    refuseHouseholdRole(actor);
    const { state } = await this.streams.read(householdId, household);
    if (state.status !== 'registered') {
      throw notFound('HOUSEHOLD.NOT_FOUND', `No household ${householdId}.`, `没有编号为 ${householdId} 的农户。`);
    }
    assertMayReadIn(actor, state.township);
    await this.projections.waitFor(minPosition, [directoryProjection.name]);
    const { rows } = await this.database.pool.query<Record<string, unknown>>(
      `select * from household_linkages where household_id = $1 order by position desc, linkage_id`,
      [householdId],
    );
    return {
      householdId,
      items: rows.map((r) => {
        const startsOn = dateText(r.starts_on);
        const endsOn = dateText(r.ends_on);
        return {
          linkageId: r.linkage_id as string,
          kind: r.kind as HouseholdLinkage['kind'],
          entity: { id: r.entity_id as string, name: r.entity_name as string },
          ...(startsOn ? { startsOn } : {}),
          ...(endsOn ? { endsOn } : {}),
          terms: r.detail as LinkageTerms,
        };
      }),
    };
  }

  private async page(
    table: string,
    order: SortSpec<string>,
    filter: ListDirectoryRequest & { sort?: string },
    build: (where: string[], param: (value: unknown) => string) => void,
  ): Promise<{ rows: Record<string, unknown>[]; nextCursor?: string }> {
    await this.projections.waitFor(filter.minPosition, [directoryProjection.name]);
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    build(where, param);
    const sort = sortedPage(order, filter.sort, filter.cursor, param);
    if (sort.after) where.push(sort.after);
    const limit = filter.limit ?? 50;
    const { rows } = await this.database.pool.query<Record<string, unknown>>(
      `select *, ${sort.key}::text as sort_key from ${table} ${where.length ? `where ${where.join(' and ')}` : ''}
        order by ${sort.orderBy} limit ${param(limit + 1)}`,
      values,
    );
    const last = rows[limit - 1];
    return { rows, nextCursor: last && sort.cursorAfter(String(last.sort_key), String(last[order.id])) };
  }

  private paged<Item extends { id: string; name: string }>(
    page: { rows: Record<string, unknown>[]; nextCursor?: string },
    filter: ListDirectoryRequest,
    map: (row: Record<string, unknown>) => Item,
  ): Page<Item> {
    const limit = filter.limit ?? 50;
    const items = page.rows.slice(0, limit).map(map);
    return page.rows.length > limit && page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
  }
}
