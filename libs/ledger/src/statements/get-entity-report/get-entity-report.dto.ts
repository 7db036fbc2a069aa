import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsQueryInteger } from '../../http/validators';
import { QueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/entities/{id}/report`. */
export class GetEntityReportRequest extends QueryOptions {
  /** The calendar year reported. */
  @IsDefined({ message: 'year is required' })
  @IsQueryInteger(1949, 2100)
  @ApiProperty({ type: 'integer', minimum: 1949, maximum: 2100, example: 2018 })
  year!: number;
}
