import type { Migration } from '@ledger/database';

/**
 * Roster imports: one row per upload (dry run or commit) with its counts and status, its row errors
 * (both languages, so a report can be read in either), what each committed row wrote, and a small
 * lookup of linkages by entity and household (fed from the log, see linkage-directory.ts) so a
 * wage row finds its employment and a rent row its lease.
 */
export const importsMigration: Migration = {
  name: '0700-imports',
  up: `
    create table imports (
      id           text primary key,
      caller_id    text not null,
      caller_role  text not null,
      kind         text not null,
      params       jsonb not null,
      params_key   text not null,
      dry_run      boolean not null,
      file_name    text not null,
      sha256       text not null,
      format       text,
      encoding     text,
      sheet        text,
      status       text not null check (status in ('processing', 'validated', 'committed', 'rejected', 'duplicate', 'failed')),
      phase        text not null default 'validating' check (phase in ('validating', 'writing', 'done')),
      rows         int not null default 0,
      accepted     int not null default 0,
      rejected     int not null default 0,
      written      int not null default 0,
      error_count  int not null default 0,
      duplicate_of text references imports (id),
      position     bigint,
      failure      text,
      created_at   timestamptz not null default now(),
      updated_at   timestamptz not null default now()
    );
    create index imports_file on imports (kind, params_key, sha256) where not dry_run;
    create index imports_caller on imports (caller_id, created_at);

    create table import_errors (
      import_id   text not null references imports (id),
      seq         int  not null,
      row         int  not null,
      column_name text not null,
      value       text not null,
      code        text not null,
      message_zh  text not null,
      message_en  text not null,
      primary key (import_id, seq)
    );

    create table import_rows (
      import_id  text   not null references imports (id),
      row        int    not null,
      written_id text   not null,
      position   bigint not null,
      primary key (import_id, row)
    );

    create table import_linkages (
      linkage_id   text primary key,
      kind         text not null,
      entity_id    text not null,
      household_id text not null
    );
    create index import_linkages_entity on import_linkages (entity_id, kind);
  `,
};

/** A household's loans are looked up by household (a loan for own production has no entity). */
export const importLoanLookupMigration: Migration = {
  name: '0701-import-linkages-household',
  up: `create index import_linkages_household on import_linkages (household_id) where kind = 'loan';`,
};
