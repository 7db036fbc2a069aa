import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QueryOptions } from '../http/query-options.dto';

/** Query string of `GET /v1/entities` and `GET /v1/projects`: a picker's search, a page at a time. */
export class ListDirectoryRequest extends QueryOptions {
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

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
