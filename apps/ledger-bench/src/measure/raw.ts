import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** A row shaped like a stored event: what PostgreSQL itself can take, with nothing of ours on top. */
export interface RawRow {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

/**
 * The bare table: an identity key for keyset reads and nothing else. `raw_events_indexed` has the
 * event log's own indexes too, to tell what they cost.
 */
export async function createRawTables(pool: Pool): Promise<void> {
  await pool.query(`
    drop table if exists raw_events, raw_events_indexed;
    create table raw_events (
      id              bigint generated always as identity primary key,
      stream_id       text        not null,
      stream_revision bigint      not null,
      event_id        uuid        not null,
      event_type      text        not null,
      data            jsonb       not null,
      metadata        jsonb       not null,
      recorded_at     timestamptz not null
    );
    create table raw_events_indexed (like raw_events including all);
    alter table raw_events_indexed add column transaction_id xid8 not null default pg_current_xact_id();
    create unique index on raw_events_indexed (stream_id, stream_revision);
    create unique index on raw_events_indexed (stream_id, event_id);
    create index on raw_events_indexed (transaction_id, id);
  `);
}

/** Rows cycling through real events' payloads, with fresh ids and streams. */
export class RowSource {
  private n = 0;
  constructor(private readonly templates: readonly { type: string; data: string; metadata: string }[]) {}

  next(): RawRow {
    const t = this.templates[this.n % this.templates.length];
    this.n++;
    return {
      streamId: `raw-${Math.floor(this.n / 50)}`,
      revision: this.n % 50,
      eventId: randomUUID(),
      type: t.type,
      data: t.data,
      metadata: t.metadata,
    };
  }

  take(count: number): RawRow[] {
    return Array.from({ length: count }, () => this.next());
  }
}
