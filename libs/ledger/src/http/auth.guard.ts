import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { roleZh, type Role } from '../common/actor';
import { forbidden } from '../common/domain-error';
import { Authenticator } from '../auth/authenticator';
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

const ROLES = 'ledger:roles';
/**
 * The roles that may use a route at all, checked by the guard before the request's input is
 * validated (guards run before pipes): a role that may not use a route learns nothing from a 400
 * about its body, and a 403 costs no database read. Without it a route takes its method's default
 * ({@link DEFAULT_ROLES}). Township scope and the household's own statement are still checked in
 * the handlers, which know what the request concerns.
 */
export const AllowedRoles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

const AUDIT = 'ledger:audit';
/** An audit read (fund flow, log verification): admins and auditors, refused as `AUTH.AUDIT_ONLY`. */
export const AuditRoute = (): MethodDecorator & ClassDecorator =>
  applyDecorators(AllowedRoles('admin', 'auditor'), SetMetadata(AUDIT, true));

/** Writes are for admins and clerks, reads for them and auditors; anything else says so. */
const DEFAULT_ROLES: Record<string, readonly Role[]> = {
  GET: ['admin', 'clerk', 'auditor'],
  HEAD: ['admin', 'clerk', 'auditor'],
  POST: ['admin', 'clerk'],
  PUT: ['admin', 'clerk'],
};

function refuseRole(role: Role, allowed: readonly Role[], method: string, audit: boolean): never {
  if (audit) {
    throw forbidden('AUTH.AUDIT_ONLY', 'Only auditors and admins may read this.', '只有审计和管理员可以查看此项。');
  }
  if (allowed.length === 1 && allowed[0] === 'admin') {
    throw forbidden('AUTH.ADMIN_ONLY', 'Only an admin may do this.', '只有管理员可以执行此操作。');
  }
  if (method !== 'GET' && method !== 'HEAD') {
    throw forbidden('AUTH.READ_ONLY_ROLE', `The ${role} role cannot record anything.`, `${roleZh(role)}角色不能记账。`);
  }
  throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');
}

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
    const allowed =
      this.reflector.getAllAndOverride<Role[]>(ROLES, [context.getHandler(), context.getClass()]) ??
      DEFAULT_ROLES[request.method] ??
      [];
    if (!allowed.includes(actor.role)) {
      const audit = this.reflector.getAllAndOverride<boolean>(AUDIT, [context.getHandler(), context.getClass()]);
      refuseRole(actor.role, allowed, request.method, audit === true);
    }
    return true;
  }
}
