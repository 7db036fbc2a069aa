import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { LogSeals } from '@ledger/event-store/seals/log-seals';
import type { Actor } from '../common/actor';
import { forbidden } from '../common/domain-error';
import { CurrentActor } from '../http/request-context';
import { verifyLog, type LogVerification } from './verify-log';
import { AuditRoute } from '../http/auth.guard';
import { LedgerQuery } from '../http/contract/route-contract';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/verify')
export class VerifyLogController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly seals: LogSeals,
  ) {}

  /** Recomputes the tamper evidence of the whole log: every stream's hash chain and every seal (admins and auditors). */
  @AuditRoute()
  @LedgerQuery({ summary: 'Verify log', view: 'LogVerification', refusals: ['AUTH.AUDIT_ONLY'] })
  @Get()
  verify(@CurrentActor() actor: Actor): Promise<LogVerification> {
    if (actor.role !== 'admin' && actor.role !== 'auditor') {
      throw forbidden(
        'AUTH.AUDIT_ONLY',
        'Only auditors and admins may verify the log.',
        '只有审计和管理员可以校验账本。',
      );
    }
    return verifyLog(this.store, this.seals);
  }
}
