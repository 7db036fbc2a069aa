import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore, type VerifyResult } from '@ledger/event-store';
import type { Actor } from '../common/actor';
import { forbidden } from '../common/domain-error';
import { CurrentActor } from '../http/request-context';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/verify')
export class VerifyLogController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Recomputes the tamper-evidence hash chains of the whole log (admins and auditors). */
  @Get()
  verify(@CurrentActor() actor: Actor): Promise<VerifyResult> {
    if (actor.role !== 'admin' && actor.role !== 'auditor') {
      throw forbidden(
        'AUTH.AUDIT_ONLY',
        'Only auditors and admins may verify the log.',
        '只有审计和管理员可以校验账本。',
      );
    }
    return this.store.verify();
  }
}
