import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { commandIdForKey, newCommandId } from '../common/ids';
import type { CommandMetadata } from '../common/stream-writer';

/** What the auth guard and the idempotency interceptor attach to a request. */
export interface LedgerRequest extends Request {
  actor?: Actor;
  correlationId?: string;
}

/** The authenticated actor; routes behind the guard always have one. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<LedgerRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/**
 * Everything a command records about its request: actor, correlation id (from `X-Correlation-Id`
 * or new), and a command id derived from the `Idempotency-Key` so a retried request is recognised
 * even if the first attempt crashed after writing.
 */
export const RequestMetadata = createParamDecorator((_: unknown, context: ExecutionContext): CommandMetadata => {
  const request = context.switchToHttp().getRequest<LedgerRequest>();
  const actor = request.actor;
  if (!actor) throw new Error('RequestMetadata used on a public route');
  const key = request.header('idempotency-key');
  const correlationId = request.correlationId ?? randomUUID();
  return {
    actor,
    commandId: key ? commandIdForKey(actor.userId, key) : newCommandId(),
    issuedAt: new Date().toISOString(),
    correlationId,
    causationId: correlationId,
  };
});
