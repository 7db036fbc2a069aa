import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateBy } from 'class-validator';
import { isIsoInstant } from '../../shared/calendar';
import { IsLedgerDate } from '../../http/validators';
import { QueryOptions } from '../../http/query-options.dto';

/** Query string of `GET /v1/entities/{id}/obligations`. */
export class GetObligationsRequest extends QueryOptions {
  /** The ledger as it stood at this instant (ISO 8601 with offset); default now. */
  @IsOptional()
  @ValidateBy({
    name: 'isIsoInstant',
    validator: {
      validate: isIsoInstant,
      defaultMessage: () => 'must be an ISO 8601 instant with an offset, e.g. 2018-07-01T09:30:00+08:00',
    },
  })
  @ApiPropertyOptional({ type: 'string', format: 'date-time', example: '2018-12-31T23:59:59+08:00' })
  asOf?: string;

  /** List what falls due on or before this date; default the date of `asOf` in China (UTC+8). */
  @IsOptional()
  @IsLedgerDate(undefined, { required: false, example: '2018-12-31' })
  dueBy?: string;

  /** Items per page; without it every item is listed (and the CSV holds them all). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
