import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { Database } from './database';
import type { Migration } from '@ledger/database';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { LogSeals, logSealsMigrations } from '@ledger/event-store/seals/log-seals';
import { SealProofs } from '@ledger/event-store/seals/seal-proofs';
import { RuntimeConfig, validateRuntimeConfig } from './runtime.config';

/**
 * Configuration, the database and the event store, shared by the API and the CLI.
 * Events go to EventStoreDB when EVENTSTORE_CONNECTION_STRING is set, to PostgreSQL otherwise.
 */
/** The log as stored, before the ledger's adapter (see `adaptEventStore`). */
const STORED_LOG = Symbol('STORED_LOG');

@Global()
@Module({})
export class RuntimeModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /** `migrations`: the read-side and other schemas of the libraries the app uses (the event store's is added). */
  /** `createDataDir`: may an empty data directory get a new embedded database (see Database.open)? */
  /**
   * `adaptEventStore`: how the ledger wraps the log for everyone who injects EVENT_STORE (its
   * personal-data sealing); the seals and proofs keep the log as stored, since they hash it.
   */
  static forRoot(
    migrations: readonly Migration[],
    {
      createDataDir = true,
      adaptEventStore = (store: EventStore) => store,
    }: { createDataDir?: boolean; adaptEventStore?: (store: EventStore, db: Database) => EventStore } = {},
  ): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [ConfigModule.forRoot({ validate: validateRuntimeConfig, cache: true })],
      providers: [
        { provide: RuntimeConfig, useFactory: () => validateRuntimeConfig(process.env) },
        {
          provide: Database,
          inject: [RuntimeConfig],
          useFactory: (config: RuntimeConfig) =>
            Database.open(config, [...eventStoreMigrations, ...logSealsMigrations, ...migrations], { createDataDir }),
        },
        {
          provide: STORED_LOG,
          inject: [RuntimeConfig, Database],
          // EventStoreDB's client (gRPC) is loaded only when configured: loading it cost every start of
          // the service and of the CLI about 0.3 s of CPU. A relative path: the build rewrites the
          // aliases of static imports only.
          useFactory: async (config: RuntimeConfig, db: Database): Promise<EventStore> =>
            config.EVENTSTORE_CONNECTION_STRING
              ? (
                  await import('../../event-store/src/eventstoredb/eventstoredb-event-store')
                ).EventStoreDbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING)
              : new PostgresEventStore(db.pool),
        },
        {
          provide: EVENT_STORE,
          inject: [STORED_LOG, Database],
          useFactory: (store: EventStore, db: Database): EventStore => adaptEventStore(store, db),
        },
        {
          provide: LogSeals,
          inject: [STORED_LOG, Database],
          useFactory: (store: EventStore, db: Database) => new LogSeals(store, db.pool),
        },
        {
          provide: SealProofs,
          inject: [STORED_LOG, Database],
          useFactory: (store: EventStore, db: Database) => new SealProofs(store, db.pool),
        },
      ],
      exports: [RuntimeConfig, Database, EVENT_STORE, LogSeals, SealProofs],
    };
  }

  /**
   * For `--help` and usage errors: the same providers, none connected, so asking the CLI how to use
   * it never starts or touches a database.
   */
  static offline(): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [ConfigModule.forRoot({ cache: true })],
      providers: [
        {
          provide: RuntimeConfig,
          // Nothing signs a token offline: a throwaway secret, made for this process only, keeps the data
          // directory untouched (no token-secret file is created by asking for help).
          useFactory: () =>
            validateRuntimeConfig({ ...process.env, LEDGER_TOKEN_SECRET: randomBytes(32).toString('base64url') }),
        },
        // Placeholders only: no command runs in offline mode, so nothing ever calls them.
        { provide: Database, useValue: {} },
        { provide: EVENT_STORE, useValue: {} },
        { provide: LogSeals, useValue: {} },
        { provide: SealProofs, useValue: {} },
      ],
      exports: [RuntimeConfig, Database, EVENT_STORE, LogSeals, SealProofs],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close?.();
  }
}
