import type { Migration } from '@ledger/database';

/**
 * The event log.
 *
 * Global order: each event stores the id of the transaction that appended it (`transaction_id`,
 * xid8). Followers read in (transaction_id, global_position) order and only below
 * `pg_snapshot_xmin(pg_current_snapshot())`, the oldest transaction still running. A transaction that
 * drew a lower `global_position` but commits later therefore can never be skipped: while it runs,
 * everything at or after its xid is held back. We chose this over a global append lock because a
 * lock serialises every commit and forfeits PostgreSQL's group commit under concurrent writers.
 *
 * Tamper evidence: `hash` = sha256(previous hash in the stream || canonical content). `streams`
 * keeps each stream's head so that a deleted tail is detected too. `verify_event_chains()` recomputes.
 */
export const eventStoreMigration: Migration = {
  name: '0001-event-store',
  up: `
    create table events (
      global_position bigint generated always as identity primary key,
      transaction_id  xid8        not null default pg_current_xact_id(),
      stream_id       text        not null,
      stream_revision bigint      not null,
      event_id        uuid        not null,
      event_type      text        not null,
      data            jsonb       not null,
      metadata        jsonb       not null,
      recorded_at     timestamptz not null,
      hash            bytea       not null,
      constraint events_stream_revision unique (stream_id, stream_revision),
      constraint events_stream_event_id unique (stream_id, event_id)
    );
    create index events_log_order on events (transaction_id, global_position);

    create table streams (
      stream_id text primary key,
      revision  bigint not null,
      head_hash bytea  not null
    );

    create function forbid_event_change() returns trigger language plpgsql as $$
    begin
      raise exception 'events are immutable: % is not allowed on %', tg_op, tg_table_name
        using errcode = 'LE001', hint = 'Correct a mistake by appending a new event that says why.';
    end $$;
    create trigger events_immutable before update or delete on events
      for each row execute function forbid_event_change();
    create trigger events_no_truncate before truncate on events
      for each statement execute function forbid_event_change();

    -- The one definition of an event's hash, used by append and verify alike.
    create function event_hash(previous bytea, stream_id text, revision bigint, event_id uuid,
                               event_type text, data jsonb, metadata jsonb, recorded_at timestamptz)
      returns bytea language sql immutable parallel safe as $$
      select sha256(previous || convert_to(concat_ws(chr(31), stream_id, revision::text, event_id::text,
        event_type, data::text, metadata::text,
        (extract(epoch from recorded_at) * 1000000)::bigint::text), 'UTF8'))
    $$;

    -- Appends a batch in one round trip. p_expected: -1 no stream, -2 any, otherwise a revision.
    -- Outcome 'appended' or 'duplicate' (every id was already stored: a retry, nothing written).
    create function append_to_stream(p_stream text, p_expected bigint, p_ids uuid[], p_types text[],
                                     p_data jsonb[], p_metadata jsonb[])
      returns table (global_position bigint, transaction_id xid8, stream_revision bigint, recorded_at timestamptz, outcome text)
      language plpgsql as $$
    declare
      v_revision bigint;
      v_hash bytea;
      v_stored int;
      v_count int := cardinality(p_ids);
      v_now timestamptz := statement_timestamp();
      v_hashes bytea[] := '{}';
    begin
      select s.revision, s.head_hash into v_revision, v_hash
        from streams s where s.stream_id = p_stream for update;
      if not found then
        v_revision := -1;
        v_hash := '\\x'::bytea;
        insert into streams as s (stream_id, revision, head_hash) values (p_stream, -1, v_hash)
          on conflict (stream_id) do nothing;
        if not found then
          -- another transaction created the stream meanwhile; wait for it and re-read
          select s.revision, s.head_hash into v_revision, v_hash
            from streams s where s.stream_id = p_stream for update;
        end if;
      end if;

      if p_expected = -2 or v_revision <> p_expected then
        select count(*) into v_stored from events e
          where e.stream_id = p_stream and e.event_id = any (p_ids);
        if v_stored = v_count then
          return query select e.global_position, e.transaction_id, e.stream_revision, e.recorded_at, 'duplicate'::text
            from events e where e.stream_id = p_stream and e.event_id = any (p_ids)
            order by e.stream_revision;
          return;
        elsif v_stored > 0 then
          raise exception 'some of these event ids are already stored in stream %', p_stream
            using errcode = 'LE003';
        elsif p_expected <> -2 then
          raise exception 'stream % is at revision %', p_stream, v_revision
            using errcode = 'LE002', detail = v_revision::text;
        end if;
      end if;

      for i in 1 .. v_count loop
        v_hash := event_hash(v_hash, p_stream, v_revision + i, p_ids[i], p_types[i], p_data[i], p_metadata[i], v_now);
        v_hashes := v_hashes || v_hash;
      end loop;

      return query
        insert into events as e (stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)
        select p_stream, v_revision + n.i, n.id, p_types[n.i], p_data[n.i], p_metadata[n.i], v_now, v_hashes[n.i]
          from unnest(p_ids) with ordinality as n(id, i)
        returning e.global_position, e.transaction_id, e.stream_revision, e.recorded_at, 'appended'::text;

      update streams s set revision = v_revision + v_count, head_hash = v_hash where s.stream_id = p_stream;
    end $$;

    -- Recomputes every stream's chain. Reports how many events were checked and the lowest global
    -- position whose stored hash, revision or stream head does not match.
    create function verify_event_chains()
      returns table (events_checked bigint, first_broken_position bigint)
      language plpgsql stable as $$
    declare
      r record;
      v_stream text := null;
      v_hash bytea;
      v_expected_revision bigint;
      v_checked bigint := 0;
      v_broken bigint := null;
      v_head record;
    begin
      for r in select e.* from events e order by e.stream_id, e.stream_revision loop
        if v_stream is distinct from r.stream_id then
          v_stream := r.stream_id;
          v_hash := '\\x'::bytea;
          v_expected_revision := 0;
        end if;
        v_hash := event_hash(v_hash, r.stream_id, r.stream_revision, r.event_id, r.event_type, r.data, r.metadata, r.recorded_at);
        if r.hash <> v_hash or r.stream_revision <> v_expected_revision then
          v_broken := least(coalesce(v_broken, r.global_position), r.global_position);
        end if;
        v_hash := r.hash;
        v_expected_revision := r.stream_revision + 1;
        v_checked := v_checked + 1;
      end loop;
      -- a stream whose head does not match its last event lost events at its end (or had them added)
      for v_head in
        select s.stream_id, last.global_position
          from streams s
          left join lateral (select e.global_position, e.stream_revision, e.hash from events e
                               where e.stream_id = s.stream_id order by e.stream_revision desc limit 1) last on true
         where s.revision >= 0 and (last.hash is distinct from s.head_hash or last.stream_revision is distinct from s.revision)
      loop
        v_broken := least(coalesce(v_broken, v_head.global_position), coalesce(v_head.global_position, 0));
      end loop;
      return query select v_checked, v_broken;
    end $$;
  `,
};
