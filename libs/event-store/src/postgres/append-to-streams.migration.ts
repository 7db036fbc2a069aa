import type { Migration } from '@ledger/database';

/**
 * Appends to many streams in one statement, for units of work (a roster import's batches).
 *
 * `p_appends` is a JSON array of `{"stream", "expected", "events": [{"id", "type", "data", "metadata"}]}`
 * (one document: the client sends one JSON text instead of six escaped array literals per stream).
 * Every stream's row in `streams` is locked first, in stream order (so two of these never deadlock),
 * and every expected revision checked. If a stream is not where its appender expected (and the call
 * is not a retry of events it already holds), the function appends nothing and answers one
 * `conflict` row per such stream with its actual revision: no exception, so the caller's
 * transaction goes on and it may read the stream, decide again and retry. Otherwise each stream is
 * appended by `append_to_stream`, the one definition of an append (hash chain, head row,
 * idempotent retries), and its last row answered.
 */
export const appendToStreamsMigration: Migration = {
  name: '0003-append-to-streams',
  up: `
    create function append_to_streams(p_appends jsonb)
      returns table (stream_id text, global_position bigint, transaction_id xid8, stream_revision bigint, outcome text)
      language plpgsql as $$
    declare
      v_append jsonb;
      v_conflicts int := 0;
    begin
      perform 1 from streams s
        where s.stream_id in (select a->>'stream' from jsonb_array_elements(p_appends) a)
        order by s.stream_id for update;

      return query
        select a.stream, null::bigint, null::xid8, coalesce(s.revision, -1), 'conflict'::text
          from (select x->>'stream' as stream, (x->>'expected')::bigint as expected, x->'events' as events
                  from jsonb_array_elements(p_appends) x) a
          left join streams s on s.stream_id = a.stream
         where a.expected <> -2 and coalesce(s.revision, -1) <> a.expected
           and (select count(*) from events e
                 where e.stream_id = a.stream
                   and e.event_id in (select (ev->>'id')::uuid from jsonb_array_elements(a.events) ev))
               < jsonb_array_length(a.events);
      get diagnostics v_conflicts = row_count;
      if v_conflicts > 0 then
        return;
      end if;

      for v_append in select * from jsonb_array_elements(p_appends) loop
        return query
          select v_append->>'stream', r.global_position, r.transaction_id, r.stream_revision, r.outcome
            from append_to_stream(
                   v_append->>'stream',
                   (v_append->>'expected')::bigint,
                   array(select (ev->>'id')::uuid from jsonb_array_elements(v_append->'events') with ordinality x(ev, n) order by n),
                   array(select ev->>'type' from jsonb_array_elements(v_append->'events') with ordinality x(ev, n) order by n),
                   array(select ev->'data' from jsonb_array_elements(v_append->'events') with ordinality x(ev, n) order by n),
                   array(select ev->'metadata' from jsonb_array_elements(v_append->'events') with ordinality x(ev, n) order by n)) r
           order by r.stream_revision desc
           limit 1;
      end loop;
    end $$;
  `,
};
