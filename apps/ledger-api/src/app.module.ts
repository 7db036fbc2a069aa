import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import {
  AdminBootstrap,
  AuthGuard,
  InlineProjections,
  InterruptedImports,
  IdempotencyInterceptor,
  UploadsInterceptor,
  KnownQueryParameters,
  LedgerModule,
  ledgerMigrations,
  LogSealing,
  ledgerValidationPipe,
  ProblemDetailsFilter,
  sealPersonalData,
} from '@ledger/ledger';
import { RuntimeModule } from '@ledger/runtime';
import { HealthController } from './health/health.controller';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      // Read when the app is built, not when this file is imported, so tests and the CLI can set it.
      useFactory: () => ({
        pinoHttp: {
          level: process.env.LOG_LEVEL ?? 'info',
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // Health probes every few seconds would drown the log.
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
    RuntimeModule.forRoot(ledgerMigrations, { adaptEventStore: sealPersonalData }),
    LedgerModule,
  ],
  controllers: [HealthController],
  providers: [
    AdminBootstrap,
    InlineProjections,
    // The service's start marks imports a dead process left half-done (the CLI's --help starts no database).
    InterruptedImports,
    LogSealing,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: KnownQueryParameters },
    // Global interceptors run in this order: an upload's file is received before the idempotency
    // digest is taken, so the same key with another file is refused (route interceptors run after both).
    { provide: APP_INTERCEPTOR, useClass: UploadsInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_PIPE, useFactory: ledgerValidationPipe },
  ],
})
export class AppModule {}
