import {
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { forbidden } from '../common/domain-error';
import { Authenticator } from '../users/authenticator';
import type { LedgerRequest } from './request-context';

const PUBLIC = 'ledger:public';
/** Marks a route that needs no token (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

const STATEMENT_LINK = 'ledger:statement-link';
/**
 * Marks a route a clarity card's statement link may call (the household's statement, as JSON, HTML or
 * PDF); every other route refuses such a token with 403.
 */
export const StatementLinkAllowed = (): MethodDecorator & ClassDecorator => SetMetadata(STATEMENT_LINK, true);

/** Every route needs `Authorization: Bearer <token>` unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LedgerRequest>();
    const incoming = request.header('x-correlation-id');
    request.correlationId = incoming && incoming.length <= 200 ? incoming : randomUUID();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('Send Authorization: Bearer <token>.');
    const actor = await this.authenticator.authenticate(match[1]);
    if (!actor) throw new UnauthorizedException('The token is not valid.');
    if (
      actor.link &&
      !this.reflector.getAllAndOverride<boolean>(STATEMENT_LINK, [context.getHandler(), context.getClass()])
    ) {
      throw forbidden(
        'AUTH.LINK_SCOPE',
        "A statement link opens the household's statement only.",
        '此链接只能查看本户的收益明白卡。',
      );
    }
    request.actor = actor;
    return true;
  }
}
