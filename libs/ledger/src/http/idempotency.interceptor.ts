import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { PoolClient } from 'pg';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Database } from '@ledger/runtime';
import { DomainError } from '../common/domain-error';
import { TokenIssuer } from '../users/tokens';
import { BadInputException, ProblemDetailsFilter, ReplayedProblem } from './problem-details.filter';
import type { LedgerRequest } from './request-context';

const TOKEN_OF = '$tokenOf';

interface StoredAnswer {
  request_hash: string;
  status: number;
  body: unknown;
}

/** A stable digest of what was asked: method, path, query and body with keys in a fixed order. */
function requestHash(request: LedgerRequest): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify([request.method, request.path, canonical(request.query), canonical(request.body)]))
    .digest('hex');
}

/**
 * `Idempotency-Key` on POST: the first 2xx or 422 answer is kept and replayed for the same caller,
 * key and request; the same key with a different request is a 422. Concurrent requests with one key
 * queue on an advisory lock, so exactly one runs and the others replay its answer.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly problems = new ProblemDetailsFilter();

  constructor(
    private readonly database: Database,
    private readonly reflector: Reflector,
    private readonly tokens: TokenIssuer,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<LedgerRequest>();
    const key = request.header('idempotency-key');
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (key.length === 0 || key.length > 200) {
      throw new BadInputException([{ path: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
    }
    return from(this.run(context, next, request.actor.userId, key, requestHash(request)));
  }

  private async run(
    context: ExecutionContext,
    next: CallHandler,
    callerId: string,
    key: string,
    hash: string,
  ): Promise<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const english = context.switchToHttp().getRequest<LedgerRequest>().query?.lang === 'en';
    const client = await this.database.pool.connect();
    let open = false;
    try {
      await client.query('begin');
      open = true;
      await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`${callerId}\u001f${key}`]);
      const { rows } = await client.query<StoredAnswer>(
        'select request_hash, status, body from idempotency_keys where caller_id = $1 and key = $2',
        [callerId, key],
      );
      if (rows[0]) {
        if (rows[0].request_hash !== hash) {
          throw new DomainError(
            'IDEMPOTENCY.KEY_REUSED',
            'rule',
            'This Idempotency-Key was already used for a different request; use a new key.',
            '此 Idempotency-Key 已用于另一项不同的请求，请使用新的键。',
          );
        }
        response.setHeader('Idempotent-Replayed', 'true');
        // A kept 2xx answer is returned as the route's own; a kept 422 goes out through the filter.
        if (rows[0].status >= 400) throw new ReplayedProblem(rows[0].status, rows[0].body as Record<string, unknown>);
        return this.restoreToken(rows[0].body);
      }
      try {
        const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined });
        await this.keep(client, callerId, key, hash, status, body ?? null);
        return body;
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'rule') {
          await this.keep(client, callerId, key, hash, 422, this.problems.toProblem(error, english));
        }
        throw error;
      }
    } finally {
      if (open) await client.query('commit').catch(() => undefined);
      client.release();
    }
  }

  /** Tokens are never kept: a kept answer names whose token it carried, and a replay derives it again. */
  private withoutToken(body: unknown): unknown {
    if (body && typeof body === 'object' && 'token' in body && 'id' in body) {
      const { token: _token, ...rest } = body as { token: string; id: string };
      return { ...rest, [TOKEN_OF]: rest.id };
    }
    return body;
  }

  private restoreToken(body: unknown): unknown {
    if (body && typeof body === 'object' && TOKEN_OF in body) {
      const { [TOKEN_OF]: userId, ...rest } = body as Record<string, string>;
      return { ...rest, token: this.tokens.tokenFor(userId) };
    }
    return body;
  }

  private async keep(
    client: PoolClient,
    callerId: string,
    key: string,
    hash: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await client.query(
      'insert into idempotency_keys (caller_id, key, request_hash, status, body) values ($1, $2, $3, $4, $5)',
      [callerId, key, hash, status, JSON.stringify(this.withoutToken(body))],
    );
  }
}
