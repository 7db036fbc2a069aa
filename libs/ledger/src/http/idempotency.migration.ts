import type { Migration } from '@ledger/database';

/** Answers kept for `Idempotency-Key` replays, per caller. Kept durably, not left to the event store. */
export const idempotencyMigration: Migration = {
  name: '0002-idempotency-keys',
  up: `
    create table idempotency_keys (
      caller_id    text        not null,
      key          text        not null,
      request_hash text        not null,
      status       int         not null,
      body         jsonb       not null,
      created_at   timestamptz not null default now(),
      primary key (caller_id, key)
    );
  `,
};
