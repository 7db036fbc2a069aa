import { IsOptional, IsString, Length } from 'class-validator';
import { PagedQueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/households`. */
export class ListHouseholdsRequest extends PagedQueryOptions {
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
}
