import {
  Injectable,
  ValidationPipe,
  type ArgumentMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { MAX_TEXT_LENGTH, textProblem } from '../primitives/text';
import { BadInputException } from '../common/bad-input';
import type { FieldError } from './problem.view';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** One entry per field and rule: IsFen's three checks share one message. */
const distinct = (errors: FieldError[]): FieldError[] =>
  errors.filter((e, i, all) => all.findIndex((o) => o.path === e.path && o.message === e.message) === i);

/** Keys that could reach an object's prototype once copied onto a DTO: never fields of a request. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How deep a request may nest: no request of the contract goes deeper than a few levels, and
 * class-transformer recurses without limit (a body nested 3,000 deep overflowed its stack: a 500).
 */
export const MAX_DEPTH = 32;
const TOO_DEEP = `nests deeper than ${MAX_DEPTH} levels`;

/**
 * Copies parsed JSON without the keys that could touch a prototype, noting each of them, every
 * `null` (a field is sent with a value or left out; null is neither), every string that is not text
 * (control characters other than line breaks, lone surrogates, longer than any field takes) and every
 * non-finite number (`1e400` parses to Infinity) as an error at its path. Stops at {@link MAX_DEPTH}.
 */
function screen(value: unknown, path: string, errors: FieldError[], depth = 0): unknown {
  if (depth > MAX_DEPTH) {
    errors.push({ path: path || 'body', message: TOO_DEEP });
    return undefined;
  }
  if (typeof value === 'string') {
    const problem = textProblem(value, { lineBreaks: true });
    if (problem) errors.push({ path, message: problem.en });
    else if (value.length > MAX_TEXT_LENGTH)
      errors.push({ path, message: `must be at most ${MAX_TEXT_LENGTH} characters` });
    return value;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    errors.push({ path, message: 'must be a finite number' });
    return value;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      copy.push(screen(value[i], `${path}[${i}]`, errors, depth + 1));
      if (errors.length > 100) break; // a huge array of bad items: the first hundred say enough
    }
    return copy;
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (UNSAFE_KEYS.has(key)) {
      errors.push({ path: at, message: `${key} is not a field of this request` });
      continue;
    }
    const keyProblem = textProblem(key);
    if (keyProblem || key.length > 100) {
      errors.push({ path: 'body', message: `a field name ${keyProblem?.en ?? 'is too long'}` });
      continue;
    }
    const field = value[key];
    if (field === null) errors.push({ path: at, message: 'must not be null: send a value or leave the field out' });
    copy[key] = screen(field, at, errors, depth + 1);
    if (errors.length > 100) break;
  }
  return copy;
}

/**
 * The class-validator pipe, with what it does not do by itself: the body must be a JSON object (an
 * absent body counts as `{}`, so every required field is named), `null` is never a value, and keys
 * such as `__proto__` are refused before class-transformer could copy them onto an instance. All
 * offending fields are reported together.
 */
class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const wholeDto =
      (metadata.type === 'body' || metadata.type === 'query') &&
      metadata.data === undefined &&
      metadata.metatype !== undefined &&
      metadata.metatype !== Object;
    if (!wholeDto) return super.transform(value, metadata);
    const received = metadata.type === 'body' && value === undefined ? {} : value;
    if (!isPlainObject(received)) {
      throw new BadInputException([{ path: metadata.type, message: 'must be a JSON object' }]);
    }
    const early: FieldError[] = [];
    const screened = screen(received, '', early);
    // Too deep or too broken to hand to class-transformer at all.
    if (early.length > 100 || early.some((e) => e.message === TOO_DEEP)) {
      throw new BadInputException(distinct(early).slice(0, 100));
    }
    let result: unknown;
    try {
      result = await super.transform(screened, metadata);
    } catch (error) {
      if (error instanceof BadInputException) throw new BadInputException(distinct([...early, ...error.errors]));
      throw error;
    }
    if (early.length > 0) throw new BadInputException(distinct(early));
    return result;
  }
}

/**
 * Validates bodies and query strings against their DTOs: unknown fields are refused (never ignored),
 * values are not coerced (a string is not a number), and every offending field is named.
 */
export function ledgerValidationPipe(): ValidationPipe {
  const options: ValidationPipeOptions = {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadInputException(distinct(flatten(errors, ''))),
  };
  return new LedgerValidationPipe(options);
}

/** Query parameters every route understands without declaring them. */
const UNIVERSAL_QUERY: Record<string, (value: unknown) => string | undefined> = {
  lang: (v) => (v === 'zh' || v === 'en' ? undefined : 'lang must be zh or en'),
};
/** And every read: stream-backed reads are always current, so `minPosition` only needs to be a position. */
const READ_QUERY: Record<string, (value: unknown) => string | undefined> = {
  ...UNIVERSAL_QUERY,
  minPosition: (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? undefined : 'minPosition must be a position'),
};

interface RouteArg {
  index: number;
  data?: unknown;
}

/**
 * Unknown query parameters are refused, never ignored, on routes that declare no query DTO too (a
 * route with one has the validation pipe check it): such a route accepts only `lang`, and reads also
 * `minPosition`, besides any parameter it names with `@Query('name')`.
 */
@Injectable()
export class KnownQueryParameters implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const args =
      (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) as
        Record<string, RouteArg> | undefined) ?? {};
    const named = new Set<string>();
    for (const [key, arg] of Object.entries(args)) {
      if (Number(key.split(':')[0]) !== (RouteParamtypes.QUERY as number)) continue;
      if (typeof arg.data !== 'string') return next.handle();
      named.add(arg.data);
    }
    const rules = request.method === 'GET' ? READ_QUERY : UNIVERSAL_QUERY;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const errors: FieldError[] = [];
    for (const key of Object.keys(query)) {
      if (named.has(key)) continue;
      const rule = Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : undefined;
      const message = rule ? rule(query[key]) : `${key} is not a query parameter of this route`;
      if (message) errors.push({ path: key, message });
    }
    if (errors.length > 0) throw new BadInputException(errors);
    return next.handle();
  }
}
