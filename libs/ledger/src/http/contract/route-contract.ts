import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtension,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  getSchemaPath,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { HTTP_STATUS_OF_REFUSAL } from '../../common/refusal';
import { REFUSALS, type RefusalCode } from '../../refusals';
import { ProblemDetailsSchema, WriteResultSchema } from './problem.schema';
import type { QueryViewName } from './query-views';

/**
 * A route's contract, declared once next to the route: what it is, what it answers and which
 * refusals it can give. `LedgerWrite`, `LedgerQuery` and `LedgerDocument` turn it into the OpenAPI
 * document's operation, success and error responses, headers and content types.
 */
export interface RouteContract {
  /** One line, in the ledger's words. */
  summary: string;
  /** More than the summary: who may call it, what it checks. */
  description?: string;
  /**
   * The success body: the name of its TypeScript type in `QueryViews` (query-views.ts; its schema is
   * generated from the type), a class declared with `@ApiProperty`, or a JSON schema. Writes default
   * to `WriteResultSchema`; a query must name its view.
   */
  view?: QueryViewName | Type<unknown> | SchemaObject;
  /** The refusal codes (`LEASE.PERIOD_ALREADY_PAID`) the route can answer, listed in its error responses. */
  refusals?: readonly RefusalCode[];
  /** Statuses the route never answers (e.g. 404 on a route without an id in its path). */
  without?: readonly number[];
}

/** The problem-details response of one status, with the refusal codes listed in its description. */
const PROBLEM: Record<number, string> = {
  400: 'Bad input: `errors` names every offending field by path.',
  401: 'Missing or bad token.',
  403: 'The role or township is not allowed.',
  404: 'Unknown resource (or a malformed id in the path).',
  409: 'Conflict: a concurrent write won (retry), or a unique value is taken (`type` says which).',
  413: 'The body is larger than the service accepts.',
  415: 'Send JSON in UTF-8.',
  422: 'A rule of the ledger refused a well-formed request; `detail` says what a clerk can do.',
  503: 'A read model has not caught up to `minPosition` within 5 s, or the database is unavailable: retry after `Retry-After` seconds.',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before asking again.', schema: { type: 'integer' } },
};

function problem(status: number, refusals: readonly RefusalCode[]): ApiResponseOptions {
  // Each code is listed under the status its kind answers with.
  const codes = refusals.filter((code) => HTTP_STATUS_OF_REFUSAL[REFUSALS[code].kind] === status);
  const listed = codes.length > 0 ? ` Refusal codes: ${codes.map((code) => `\`${code}\``).join(', ')}.` : '';
  return {
    status,
    description: PROBLEM[status] + listed,
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
    ...(status === 503 && { headers: RETRY_AFTER }),
  };
}

/** What any write can answer besides its own refusals: a concurrent write won, a key reused for another body. */
const ANY_WRITE: readonly RefusalCode[] = ['LEDGER.CONCURRENT_WRITE', 'IDEMPOTENCY.KEY_REUSED'];
/** What any read can answer: its read model is behind `minPosition`, or parked. */
const ANY_READ: readonly RefusalCode[] = ['QUERY.NOT_CAUGHT_UP', 'QUERY.READ_MODEL_PARKED'];

function problems(statuses: readonly number[], contract: RouteContract): MethodDecorator {
  const own = contract.refusals ?? [];
  const refusals = [...own, ...(statuses.includes(409) ? ANY_WRITE : ANY_READ).filter((c) => !own.includes(c))];
  const kept = statuses.filter((s) => !(contract.without ?? []).includes(s));
  return applyDecorators(...kept.map((s) => ApiResponse(problem(s, refusals))));
}

/** The operation itself, marked as declared through this module (the `npm run openapi` check looks for the mark). */
function operation(
  kind: 'write' | 'query' | 'document',
  contract: RouteContract & { public?: boolean },
): MethodDecorator {
  const refusals = contract.refusals ?? [];
  const description =
    contract.description ??
    `${contract.summary}.${refusals.length > 0 ? ` Can refuse with ${refusals.join(', ')}.` : ''}`;
  return applyDecorators(
    ApiOperation({ summary: contract.summary, description }),
    ApiExtension('x-ledger-route', kind),
    ...(contract.public ? [ApiExtension('x-ledger-public', true)] : []),
  );
}

function schemaOf(view: NonNullable<RouteContract['view']>): SchemaObject | ReferenceObject {
  // A view's schema is a component added by buildOpenApiDocument, under the type's name.
  if (typeof view === 'string') return { $ref: `#/components/schemas/${view}` };
  return typeof view === 'function' ? { $ref: getSchemaPath(view) } : view;
}

function models(view: RouteContract['view']): MethodDecorator {
  const classes = typeof view === 'function' ? [view, ProblemDetailsSchema] : [ProblemDetailsSchema];
  return ApiExtraModels(...classes);
}

/**
 * A write: `Idempotency-Key` accepted, `201` (or the route's own `answers`) with the view (default
 * `{id, position}`) and `Idempotent-Replayed` on a replay, and the problems a write can answer.
 */
/** The success statuses a write can answer, each with what it means for that route. */
export type WriteAnswers = Partial<Record<200 | 201 | 202, string>>;

export function LedgerWrite(contract: RouteContract & { answers?: WriteAnswers }): MethodDecorator {
  const view = contract.view ?? WriteResultSchema;
  const replayed = {
    'Idempotent-Replayed': {
      description: '`true` when this is the first answer to the same `Idempotency-Key` sent again.',
      schema: { type: 'string', enum: ['true'] },
    },
  };
  const success = (status: number, description: string) =>
    ApiResponse({
      status,
      description,
      headers: replayed,
      content: { 'application/json': { schema: schemaOf(view) } },
    });
  return applyDecorators(
    operation('write', contract),
    models(view),
    ApiExtraModels(WriteResultSchema),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Any string up to 200 characters: the same key with the same body answers the first answer again.',
      schema: { type: 'string', maxLength: 200 },
    }),
    ...Object.entries(contract.answers ?? { 201: 'Recorded.' }).map(([status, description]) =>
      success(Number(status), description),
    ),
    // 413 and 415: any write's body can be too large, or not JSON in UTF-8 (problem-details.filter.ts).
    problems([400, 401, 403, 404, 409, 413, 415, 422, 503], contract),
  );
}

/** A read answering JSON (and CSV with `Accept: text/csv` when `csv` is set), with `minPosition`'s 503. */
export function LedgerQuery(
  contract: RouteContract & {
    view: NonNullable<RouteContract['view']>;
    csv?: boolean;
    public?: boolean;
    /** What a `503` means when it answers the view itself rather than problem details (`/health`). */
    unavailable?: string;
  },
): MethodDecorator {
  const view = contract.view;
  const content: Record<string, { schema: SchemaObject | ReferenceObject }> = {
    'application/json': { schema: schemaOf(view) },
  };
  if (contract.csv) content['text/csv'] = { schema: { type: 'string', description: 'UTF-8 with BOM, a header row.' } };
  return applyDecorators(
    operation('query', contract),
    models(view),
    ...(contract.csv ? [ApiProduces('application/json', 'text/csv')] : []),
    ApiResponse({ status: 200, description: 'OK.', content }),
    ...(contract.unavailable ? [ApiResponse({ status: 503, description: contract.unavailable, content })] : []),
    problems(
      (contract.public ? [400, 404, 503] : [400, 401, 403, 404, 503]).filter((s) => !contract.unavailable || s !== 503),
      contract,
    ),
  );
}

/**
 * A printable or downloadable document (HTML page, PDF, CSV file) rather than JSON; `alsoProduces`:
 * binary formats the same route serves by its file extension (an xlsx template).
 */
export function LedgerDocument(
  contract: RouteContract & {
    contentType: 'text/html' | 'application/pdf' | 'text/csv';
    alsoProduces?: string[];
    public?: boolean;
  },
): MethodDecorator {
  const schema: SchemaObject =
    contract.contentType === 'application/pdf' ? { type: 'string', format: 'binary' } : { type: 'string' };
  const content: Record<string, { schema: SchemaObject }> = { [contract.contentType]: { schema } };
  for (const type of contract.alsoProduces ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
  return applyDecorators(
    operation('document', contract),
    models(undefined),
    ApiProduces(contract.contentType, ...(contract.alsoProduces ?? [])),
    ApiResponse({ status: 200, description: 'OK.', content }),
    problems(contract.public ? [400, 404, 503] : [400, 401, 403, 404, 503], contract),
  );
}
