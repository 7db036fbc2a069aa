import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../apps/ledger-api/src/app.module';
import { configureApp } from '../../apps/ledger-api/src/configure-app';
import { asAdmin, createMigratedDatabase } from './test-database';
import { randomBytes } from 'node:crypto';
import { withDatabase } from '@ledger/database';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { logSealsMigrations } from '@ledger/event-store/seals/log-seals';
import { ledgerMigrations } from '@ledger/ledger';
import { replayEveryAnswer } from './openapi-replay';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

/** The real HTTP app on its own fresh database, with an admin and helpers to call it. */
export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  /** POST as the given token (admin by default). */
  post(path: string, body: unknown, token?: string, headers?: Record<string, string>): request.Test;
  get(path: string, token?: string): request.Test;
  /** PUT as the given token (admin by default). */
  put(path: string, body: unknown, token?: string): request.Test;
  /** Registers a user and returns its token. */
  userToken(body: { name?: string; role: string; townships?: string[]; householdId?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Check every answer of the app against the committed OpenAPI document (test/support/openapi-replay.ts):
   * statuses and bodies. On for every app when `OPENAPI_REPLAY=1`.
   */
  replayOpenApi?: boolean;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const name = `ledger_e2e_${randomBytes(6).toString('hex')}`;
  // Already migrated, as RuntimeModule.forRoot would migrate it (so the app finds nothing pending).
  await createMigratedDatabase(name, [...eventStoreMigrations, ...logSealsMigrations, ...ledgerMigrations]);
  const databaseUrl = withDatabase(process.env.TEST_DATABASE_URL!, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-e2e-'));
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    LEDGER_DATA_DIR: dataDir,
    LEDGER_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '10',
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  if (options.replayOpenApi || process.env.OPENAPI_REPLAY === '1') replayEveryAnswer(app.getHttpServer() as object);
  const http = request(app.getHttpServer());
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const testApp: TestApp = {
    app,
    http,
    databaseUrl,
    post: (path, body, token = ADMIN_TOKEN, headers = {}) =>
      request(app.getHttpServer())
        .post(path)
        .set({ ...auth(token), ...headers })
        .send(body as object),
    get: (path, token = ADMIN_TOKEN) => request(app.getHttpServer()).get(path).set(auth(token)),
    put: (path, body, token = ADMIN_TOKEN) =>
      request(app.getHttpServer())
        .put(path)
        .set(auth(token))
        .send(body as object),
    async userToken(body) {
      const res = await testApp.post('/v1/users', { name: body.name ?? body.role, ...body }).expect(201);
      return (res.body as { token: string }).token;
    },
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
      await asAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
  return testApp;
}
