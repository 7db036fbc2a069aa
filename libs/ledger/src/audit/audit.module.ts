import { Module } from '@nestjs/common';
import { VerifyLogController } from './verify-log.controller';

/** Audit operations on the log itself. */
@Module({ controllers: [VerifyLogController] })
export class AuditModule {}
