import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isConnectionError } from '@ledger/database';
import { BadInputException } from '../common/bad-input';
import { DomainError } from '../common/domain-error';
import { HTTP_STATUS_OF_REFUSAL } from '../common/refusal';

/** An answer kept by the idempotency layer, sent again exactly as it was. */
export class ReplayedProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super('replayed problem');
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad input',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Refused by a ledger rule',
  500: 'Internal error',
  503: 'Not ready',
};

/** The problem-details `type` for a stable code: a URN so it never pretends to be a web page. */
export const problemType = (code: string): string => `urn:ledger:problem:${code.toLowerCase().replace(/\./g, ':')}`;

/**
 * Maps every error to RFC 9457 problem details: domain refusals by their kind, validation errors
 * with every field, anything unexpected to a 500 that leaks nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const english = request.query?.lang === 'en';
    const body = this.toProblem(exception, english);
    if (body.status === 503 && body.code === 'DATABASE.UNAVAILABLE')
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (body.status === 503) response.setHeader('Retry-After', '1');
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  toProblem(exception: unknown, english: boolean): Record<string, unknown> & { status: number } {
    if (exception instanceof ReplayedProblem) return { ...exception.body, status: exception.status };
    if (exception instanceof DomainError) {
      const status = HTTP_STATUS_OF_REFUSAL[exception.kind];
      return {
        type: problemType(exception.code),
        title: TITLES[status],
        status,
        detail: english ? exception.message : exception.messageZh,
        code: exception.code,
        // The request field the refusal concerns, as its capability's catalogue declares it.
        ...(exception.field !== undefined && { field: exception.field }),
        ...exception.extensions,
      };
    }
    if (exception instanceof BadInputException) {
      return {
        type: problemType('REQUEST.BAD_INPUT'),
        title: TITLES[400],
        status: 400,
        detail: exception.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors: exception.errors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string' ? raw : ((raw as { message?: string | string[] }).message ?? exception.message);
      const detail = Array.isArray(message) ? message.join('; ') : message;
      // Nest turns the JSON body parser's SyntaxError into a plain 400 carrying the parser's message.
      if (status === 400 && /JSON|Unexpected|position \d+/i.test(detail)) {
        return {
          type: problemType('REQUEST.MALFORMED_JSON'),
          title: TITLES[400],
          status: 400,
          detail: `The request body is not valid JSON: ${detail}`,
          errors: [{ path: 'body', message: 'must be valid JSON' }],
        };
      }
      // Other 400s raised before the DTO (the multipart parser's, for one) still name what was wrong.
      const errors = status === 400 ? { errors: [{ path: 'body', message: detail }] } : {};
      return { type: problemType(`HTTP.${status}`), title: TITLES[status] ?? 'Error', status, detail, ...errors };
    }
    const parser = bodyParserProblem(exception);
    if (parser) return parser;
    // The database is down or restarting: the request may be sent again (Retry-After), nothing is lost.
    if (isConnectionError(exception)) {
      return {
        type: problemType('DATABASE.UNAVAILABLE'),
        title: TITLES[503],
        status: 503,
        detail: english
          ? 'The database cannot be reached right now; nothing was recorded. Please try again shortly.'
          : '数据库暂时无法连接，本次未记账，请稍后重试。',
        code: 'DATABASE.UNAVAILABLE',
      };
    }
    return {
      type: problemType('HTTP.500'),
      title: TITLES[500],
      status: 500,
      detail: 'Something went wrong on our side; nothing was recorded twice. Please try again.',
    };
  }
}

/**
 * Errors of the body parser (body-parser, raw-body) before any route ran: plain objects with a
 * `type` and a `status`, not HttpExceptions. A body over the limit is a 413, malformed JSON a 400
 * naming `body`, an unknown charset or encoding a 415; each as problem details, never a 500.
 */
function bodyParserProblem(exception: unknown): (Record<string, unknown> & { status: number }) | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number') return undefined;
  switch (type) {
    case 'entity.too.large':
      return {
        type: problemType('REQUEST.TOO_LARGE'),
        title: TITLES[413],
        status: 413,
        detail: 'The request body is larger than this service accepts (1 MB of JSON).',
      };
    case 'entity.parse.failed':
      return {
        type: problemType('REQUEST.MALFORMED_JSON'),
        title: TITLES[400],
        status: 400,
        detail: 'The request body is not valid JSON.',
        errors: [{ path: 'body', message: 'must be valid JSON' }],
      };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { type: problemType('HTTP.415'), title: TITLES[415], status: 415, detail: 'Send JSON in UTF-8.' };
    default:
      return status >= 400 && status < 500
        ? { type: problemType(`HTTP.${status}`), title: TITLES[status] ?? 'Error', status, detail: 'Bad request.' }
        : undefined;
  }
}
