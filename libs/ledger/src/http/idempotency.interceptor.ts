import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Database } from '@ledger/runtime';
import { DomainError } from '../common/domain-error';
import { TokenIssuer } from '../auth/tokens';
import { BadInputException } from '../common/bad-input';
import { ProblemDetailsFilter, ReplayedProblem } from './problem-details.filter';
import type { LedgerRequest } from './request-context';
import { discardUpload, uploadedFileDigest } from './uploads';

const TOKEN_OF = '$tokenOf';

interface StoredAnswer {
  request_hash: string;
  status: number;
  body: unknown;
}

/**
 * A stable digest of what was asked: method, path, query and body with keys in a fixed order, and for
 * an upload its file (name and SHA-256 of the bytes: the same key with another file is another
 * request). A request without a file hashes as it always did, so keys kept before still match.
 */
async function requestHash(request: LedgerRequest): Promise<string> {
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
  const asked: unknown[] = [request.method, request.path, canonical(request.query), canonical(request.body)];
  const file = await uploadedFileDigest(request);
  if (file) asked.push(file);
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}

/** `status` of a row whose request is still running: its answer is not known yet. */
const PENDING = 0;
/** How often a request waiting on another with the same key looks again. */
const POLL_MS = 20;
/**
 * Prefix of the statements that write claims and answers: they commit without waiting for their own
 * WAL flush (`synchronous_commit` off for that one transaction; `set_config(…, true)` is local to the
 * statement's implicit transaction). A write request used to wait for three flushes in a row (claim,
 * append, answer), and on a disk where a flush takes milliseconds those waits, not the database's
 * work, bounded what one client and eight clients could do (BENCHMARKS.md, "Issue 20"). The append
 * still waits for its flush: the event log is the durable record. A crash may lose at most the last
 * few hundred milliseconds of claims and answers, and that is safe: the command id derives from the
 * key, so a retry whose claim or answer was lost runs again and the stream writer replays what the
 * first attempt appended instead of appending twice.
 */
const WITHOUT_FLUSH_WAIT = `with no_flush_wait as (select set_config('synchronous_commit', 'off', true))`;

/** A request still pending after this long is taken to have died with its process; another may run it. */
const ABANDONED_AFTER = '30 seconds';

/**
 * `Idempotency-Key` on POST: the first 2xx or 422 answer is kept and replayed for the same caller,
 * key and request; the same key with a different request is a 422. Concurrent requests with one key
 * are serialised by a claim row: the one that inserts it runs, the others wait and replay its answer.
 * No pooled connection is held while waiting or while the request runs (holding one while the
 * handler needs another deadlocks the pool once enough requests arrive together); a claim left by a
 * crashed process is taken over after a while, which is safe because the command id derives from the
 * key and the stream writer recognises a command already applied.
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
    const callerId = request.actor.userId;
    return from(requestHash(request).then((hash) => this.run(context, next, callerId, key, hash)));
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
    const request = context.switchToHttp().getRequest<LedgerRequest>();
    const english = request.query?.lang === 'en';
    const pool = this.database.pool;
    for (;;) {
      // Named, like the answer's update: every write request runs both, and each connection then
      // parses and plans them once.
      const claim = await pool.query({
        name: 'ledger_idempotency_claim',
        text: `${WITHOUT_FLUSH_WAIT}
         insert into idempotency_keys (caller_id, key, request_hash, status, body)
         select $1, $2, $3, $4, 'null'::jsonb from no_flush_wait on conflict (caller_id, key) do nothing`,
        values: [callerId, key, hash, PENDING],
      });
      if (claim.rowCount === 1) break;
      const { rows } = await pool.query<StoredAnswer & { abandoned: boolean }>(
        `select request_hash, status, body, created_at < now() - interval '${ABANDONED_AFTER}' as abandoned
           from idempotency_keys where caller_id = $1 and key = $2`,
        [callerId, key],
      );
      const row = rows[0];
      // Released meanwhile (that answer is not kept): claim it again.
      if (!row) continue;
      if (row.request_hash !== hash) {
        await discardUpload(request);
        throw new DomainError(
          'IDEMPOTENCY.KEY_REUSED',
          'rule',
          'This Idempotency-Key was already used for a different request; use a new key.',
          '此 Idempotency-Key 已用于另一项不同的请求，请使用新的键。',
        );
      }
      if (row.status !== PENDING) {
        await discardUpload(request);
        response.setHeader('Idempotent-Replayed', 'true');
        // A kept 2xx answer is returned as the route's own; a kept 422 goes out through the filter.
        if (row.status >= 400) throw new ReplayedProblem(row.status, row.body as Record<string, unknown>);
        return this.restoreToken(row.body);
      }
      if (row.abandoned) {
        const takeover = await pool.query(
          `update idempotency_keys set created_at = now()
            where caller_id = $1 and key = $2 and status = $3 and created_at < now() - interval '${ABANDONED_AFTER}'`,
          [callerId, key, PENDING],
        );
        if (takeover.rowCount === 1) break;
        continue;
      }
      await sleep(POLL_MS);
    }
    try {
      const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined });
      await this.keep(callerId, key, status, body ?? null);
      return body;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'rule') {
        await this.keep(callerId, key, 422, this.problems.toProblem(error, english));
      } else {
        // Nothing is kept after a 400, 401, 403, 404, 409 or 5xx: the key may be tried again.
        await this.release(callerId, key);
      }
      throw error;
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

  private async keep(callerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.database.pool.query({
      name: 'ledger_idempotency_keep',
      text: `${WITHOUT_FLUSH_WAIT}
       update idempotency_keys set status = $3, body = $4 from no_flush_wait where caller_id = $1 and key = $2`,
      values: [callerId, key, status, JSON.stringify(this.withoutToken(body))],
    });
  }

  private async release(callerId: string, key: string): Promise<void> {
    await this.database.pool
      .query('delete from idempotency_keys where caller_id = $1 and key = $2 and status = $3', [callerId, key, PENDING])
      .catch(() => undefined);
  }
}
