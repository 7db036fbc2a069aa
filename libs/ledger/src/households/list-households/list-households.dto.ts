import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/households`. */
export class ListHouseholdsRequest extends QueryOptions {
  @IsOptional()
  @IsString()
  @Length(1, 50)
  township?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  village?: string;

  /** Part of the head's name or of the registration number. */
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;

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
