import type { Migration } from '@ledger/database';

/** Where each projection has got to in the log, advanced in the same transaction as its rows. */
export const projectionCheckpointsMigration: Migration = {
  name: '0003-projection-checkpoints',
  up: `
    create table projection_checkpoints (
      name             text primary key,
      commit_position  numeric(20) not null,
      prepare_position numeric(20) not null,
      position         bigint      not null default 0,
      events_applied   bigint      not null default 0,
      updated_at       timestamptz not null default now()
    );
  `,
};
