import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFUSALS, type RefusalCode } from '../../refusals';
import type { FieldError, ProblemDetails } from '../problem.view';

/** One offending field of a request, by path (`lines[2].amountFen`, `query.limit`). */
export class FieldErrorSchema implements FieldError {
  @ApiProperty({ example: 'amountFen' })
  path!: string;

  @ApiProperty({ example: 'must be an integer number of fen from 1 to 9007199254740991' })
  message!: string;
}

/**
 * RFC 9457 problem details, as the problem-details filter writes them (`application/problem+json`).
 * Declared once here; every route's error responses point at it.
 */
export class ProblemDetailsSchema implements ProblemDetails {
  @ApiProperty({
    description: 'A URN naming the problem: `urn:ledger:problem:<code>`',
    example: 'urn:ledger:problem:lease:period_already_paid',
  })
  type!: string;

  @ApiProperty({ example: 'Refused by a ledger rule' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 422 })
  status!: number;

  @ApiProperty({ description: 'What a clerk can do about it, Chinese by default (`lang=en` for English).' })
  detail!: string;

  @ApiPropertyOptional({
    description: 'The stable refusal code of a domain refusal.',
    example: 'LEASE.PERIOD_ALREADY_PAID',
    enum: [...Object.keys(REFUSALS), 'DATABASE.UNAVAILABLE'],
  })
  code?: RefusalCode | 'DATABASE.UNAVAILABLE';

  @ApiPropertyOptional({
    description: 'The request field the refusal concerns, when it concerns one.',
    example: 'period',
  })
  field?: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Every offending field of a 400.' })
  errors?: FieldErrorSchema[];

  @ApiPropertyOptional({ description: 'The notice holding the payment, on a `notice-hold` refusal.' })
  noticeId?: string;
}

/** What every successful write answers (201): the new or changed resource's id and the ledger position. */
export class WriteResultSchema {
  @ApiProperty({ example: 'hh_01J9Z8…' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Global position of the last event written.' })
  position!: number;
}
