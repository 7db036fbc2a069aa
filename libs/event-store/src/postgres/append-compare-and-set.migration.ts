import type { Migration } from '@ledger/database';

/**
 * Cheaper appends, same guarantees. Replaces two functions of `0001-event-store`; no table, index or
 * stored hash changes, so events appended before and after verify alike.
 *
 * `append_to_stream` (same signature and answers): a caller that names the revision it read (every
 * command does) no longer locks the stream's head row and then updates it. It reads the head without a
 * lock and moves it with a compare-and-set (`update … where revision = expected`, or an insert for a
 * new stream), which is the concurrency control: of two writers at the same revision the second waits
 * for the first's row lock, finds the revision moved, and takes the locked path, which answers a retry
 * (every id stored) with its events or refuses with LE002/LE003 exactly as before. The head row still
 * moves with every append, because it is what shows a stream's deleted tail. Measured (BENCHMARKS.md,
 * "The append, measured"): one SQL statement and one row lock fewer per append, and the hash is no
 * longer a SQL function call of its own per event.
 *
 * `event_hash`: same body, declared STABLE (it is: `concat_ws`, `convert_to` and `extract` are), so
 * the planner inlines it into the append's and `verify_event_chains`' expressions. Declared IMMUTABLE
 * over stable functions it could not be inlined and ran as a separate SQL function per event.
 */
export const appendCompareAndSetMigration: Migration = {
  name: '0004-event-store-append-compare-and-set',
  up: `
    create or replace function event_hash(previous bytea, stream_id text, revision bigint, event_id uuid,
                                          event_type text, data jsonb, metadata jsonb, recorded_at timestamptz)
      returns bytea language sql stable parallel safe as $$
      select sha256(previous || convert_to(concat_ws(chr(31), stream_id, revision::text, event_id::text,
        event_type, data::text, metadata::text,
        (extract(epoch from recorded_at) * 1000000)::bigint::text), 'UTF8'))
    $$;

    -- Appends a batch in one round trip. p_expected: -1 no stream, -2 any, otherwise a revision.
    -- Outcome 'appended' or 'duplicate' (every id was already stored: a retry, nothing written).
    create or replace function append_to_stream(p_stream text, p_expected bigint, p_ids uuid[], p_types text[],
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
      -- 'any' has no revision to compare against: it always takes the head under the row lock
      v_locked boolean := p_expected = -2;
    begin
      loop
        if not v_locked then
          -- the head the caller expects, read without a lock; the compare-and-set below decides
          v_revision := p_expected;
          if p_expected = -1 then
            v_hash := '\\x'::bytea;
          else
            select s.head_hash into v_hash from streams s where s.stream_id = p_stream and s.revision = p_expected;
            v_locked := not found;
          end if;
        end if;

        if v_locked then
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
        end if;

        v_hashes := '{}';
        for i in 1 .. v_count loop
          v_hash := event_hash(v_hash, p_stream, v_revision + i, p_ids[i], p_types[i], p_data[i], p_metadata[i], v_now);
          v_hashes := v_hashes || v_hash;
        end loop;

        if v_locked then
          update streams s set revision = v_revision + v_count, head_hash = v_hash where s.stream_id = p_stream;
        elsif p_expected = -1 then
          insert into streams as s (stream_id, revision, head_hash) values (p_stream, v_count - 1, v_hash)
            on conflict (stream_id) do nothing;
        else
          update streams s set revision = v_revision + v_count, head_hash = v_hash
            where s.stream_id = p_stream and s.revision = p_expected;
        end if;
        exit when found;
        -- another writer moved the head first: look again under the lock
        v_locked := true;
      end loop;

      return query
        insert into events as e (stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)
        select p_stream, v_revision + n.i, n.id, p_types[n.i], p_data[n.i], p_metadata[n.i], v_now, v_hashes[n.i]
          from unnest(p_ids) with ordinality as n(id, i)
        returning e.global_position, e.transaction_id, e.stream_revision, e.recorded_at, 'appended'::text;
    end $$;
  `,
};
