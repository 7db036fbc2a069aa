import type { RefusalCode } from '../refusals';

/*
 * Problem details as the API answers them (RFC 9457). Types only: the web console compiles against
 * this file; contract/problem.schema.ts declares the same shape for the OpenAPI document and
 * implements these interfaces, so the two cannot drift apart.
 */

/** One offending field of a request, by path (`lines[2].amountFen`, `query.limit`). */
export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The stable code of a domain refusal (`LEASE.OVERPAYMENT`). */
  code?: RefusalCode | 'DATABASE.UNAVAILABLE';
  /** The request field a refusal concerns (`amountFen`), as its capability's catalogue declares it. */
  field?: string;
  /** Every offending field of a 400. */
  errors?: FieldError[];
}
