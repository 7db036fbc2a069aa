import { IsOptional, IsString, Length } from 'class-validator';
import { PagedQueryOptions } from '../http/query-options.dto';

/** Query string of `GET /v1/entities` and `GET /v1/projects`: a picker's search, a page at a time. */
export class ListDirectoryRequest extends PagedQueryOptions {
  /** Part of the name (or, for entities, of the credit code). */
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;

  /** Entities of this township only. */
  @IsOptional()
  @IsString()
  @Length(1, 50)
  township?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  county?: string;
}
