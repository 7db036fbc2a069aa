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

/**
 * A projection that met an event it cannot apply is parked beside its checkpoint (which stays just
 * before that event), so that a restart still knows, /health reports it and only a rebuild unparks it.
 */
export const projectionParkingMigration: Migration = {
  name: '0950-projection-parking',
  up: `
    alter table projection_checkpoints
      add column status            text not null default 'running' check (status in ('running', 'parked')),
      add column parked_position   bigint,
      add column parked_event_id   text,
      add column parked_event_type text,
      add column parked_error      text,
      add column parked_at         timestamptz;
  `,
};
