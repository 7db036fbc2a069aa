import { Module } from '@nestjs/common';
import { SealsController } from './seals.controller';
import { VerifyLogController } from './verify-log.controller';

/** Audit operations on the log itself. */
@Module({ controllers: [VerifyLogController, SealsController] })
export class AuditModule {}
