import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { QueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/audit/loans`. */
export class LoanBookRequest extends QueryOptions {
  /** The county (县区) whose loans are listed; every county the caller may read without it. */
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @ApiPropertyOptional({ example: '英山县' })
  county?: string;
}
