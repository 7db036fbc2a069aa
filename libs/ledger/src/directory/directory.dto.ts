import { IsLedgerText } from '../http/validators';
import { IsListSort } from '../common/list-sort';
import { IsOptional } from 'class-validator';
import { PagedQueryOptions } from '../http/query-options.dto';

/** Query string of `GET /v1/entities` and `GET /v1/projects`: a picker's search, a page at a time. */
export class ListDirectoryRequest extends PagedQueryOptions {
  /** Part of the name (or, for entities, of the credit code). */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  q?: string;

  /** Entities of this township only. */
  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  township?: string;

  @IsOptional()
  @IsLedgerText({ max: 50, required: false })
  county?: string;
}

/** What the entities can be sorted by: name, kind, township (each then by name). */
export const ENTITY_SORTS = ['name', 'kind', 'township'] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

/** Query string of `GET /v1/entities`. */
export class ListEntitiesRequest extends ListDirectoryRequest {
  /** `name` (default), `kind`, `township` (then by name); `-` descending. */
  @IsListSort(ENTITY_SORTS)
  sort?: string;
}
