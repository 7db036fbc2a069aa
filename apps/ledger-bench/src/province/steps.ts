import type { Pool } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@ledger/event-store';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { ALL_PROJECTIONS } from '@ledger/ledger/all-projections';
import { ProjectionGroupRunner } from '@ledger/ledger/projections/projection-runner';
import type { SyntheticCity } from '../city/city-plan';
import type { CityRefs } from '../city/city-refs';
import { HttpClient } from '../http-client';
import { WagePayments } from '../measure/commands';
import { Streams, timed } from '../measure/compare';
import { EventSource, sampleOfLog } from '../measure/store';
import { spread, type Spread } from '../stats';
import { IN_FLIGHT_PER_COUNTY, type CountyClerk } from './burst';

/** The payments of the log: what a county's clerks key in or import every month. */
const PAYMENT_TYPES = ['WagePaid', 'RentPaid', 'DividendPaid', 'PurchasePaid', 'DistributionPaid', 'GuaranteeToppedUp'];

/** Payment events of the whole log (the busy day's rate is drawn from them). */
export async function paymentEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('select count(*) as n from events where event_type = any($1)', [
    PAYMENT_TYPES,
  ]);
  return Number(rows[0].n);
}

/**
 * A clerk per county, signed in with a token of their own for the county's townships (so the API
 * checks each payment against them, as it would in the county), paying the county's running
 * employments for the months after the province's last.
 */
export async function countyClerks(admin: HttpClient, city: SyntheticCity, ids: CityRefs): Promise<CountyClerk[]> {
  const countyOf = new Map(city.entities.map((e) => [e.key, e.county]));
  const firstMonth = `${city.firstYear + city.years}-01`;
  const clerks: CountyClerk[] = [];
  for (const county of city.counties) {
    const res = await admin.post('/v1/users', {
      name: `${county.name}经办人`,
      role: 'clerk',
      townships: county.townships.map((t) => t.name),
    });
    if (res.status !== 201) throw new Error(`a clerk for ${county.name}: ${res.status} ${res.body.toString('utf8')}`);
    const running = city.employments
      .filter((e) => !e.endsOn && countyOf.get(e.entity) === county.name)
      .map((e) => ({ id: ids.id(e.key), rateFen: e.rateFen, daily: e.wageBasis === 'daily' }));
    clerks.push({
      client: new HttpClient(admin.baseUrl, res.json<{ token: string }>().token, IN_FLIGHT_PER_COUNTY),
      payments: new WagePayments(running, firstMonth),
    });
  }
  return clerks;
}

export interface CatchUp {
  seconds: number;
  /** Events the slowest projection applied (each counts every event it read, handled or not). */
  events: number;
  eventsPerSecond: number;
  /** Whether every projection reached the log's head within the budget. */
  finished: boolean;
  /**
   * The rate over the payments: from the log's first payment (the generator writes every
   * registration and linkage first, then the payments month by month) to where the rebuild stopped.
   * Logs of any size hold the same kinds of events there, so this is what compares across runs.
   * Undefined when the rebuild did not reach the payments for at least 10 s.
   */
  payments?: { fromEvent: number; seconds: number; events: number; eventsPerSecond: number };
  /** Events applied by the slowest projection, every 5 s: where the rebuild slows down. */
  curve: { seconds: number; events: number }[];
}

/**
 * Every read model from zero over the log, all in one runner as the service runs them, until each
 * has reached the log's head as it was at the start, or the budget is spent.
 */
export async function catchUpWithin(store: EventStore, pool: Pool, budgetMs: number): Promise<CatchUp> {
  const head = await store.head();
  const fromEvent = await eventsBeforeFirstPayment(pool);
  const names = ALL_PROJECTIONS.map((p) => p.name);
  const progress = async () => {
    const { rows } = await pool.query<{ n: number; applied: string | null; at_head: boolean | null }>(
      `select count(*)::int as n, min(events_applied) as applied,
              bool_and((commit_position, prepare_position) >= ($1::numeric, $2::numeric)) as at_head
         from projection_checkpoints where name = any($3)`,
      [head.commit.toString(), head.prepare.toString(), names],
    );
    const row = rows[0];
    return { applied: Number(row.applied ?? 0), done: row.n === names.length && row.at_head === true };
  };
  const start = Date.now();
  const stop = new AbortController();
  let ended = false;
  const running = new ProjectionGroupRunner(ALL_PROJECTIONS, store, pool)
    .run({ signal: stop.signal })
    .finally(() => (ended = true));
  // Handled from the start: a failure must reach the caller, not end the process while we poll.
  running.catch(() => undefined);
  let done = false;
  const curve: CatchUp['curve'] = [];
  let reached: { seconds: number; events: number } | undefined;
  let last = { seconds: 0, events: 0 };
  try {
    // A runner that ends early (it failed, or took no projection) ends the wait too.
    while (!done && !ended && Date.now() - start < budgetMs) {
      await sleep(100);
      const now = await progress();
      done = now.done;
      last = { seconds: (Date.now() - start) / 1000, events: now.applied };
      if (reached === undefined && now.applied >= fromEvent) reached = last;
      if (last.seconds >= 5 * (curve.length + 1))
        curve.push({ seconds: Math.round(last.seconds), events: now.applied });
    }
  } finally {
    stop.abort();
  }
  if (!(await running)) throw new Error('the projection runner could take no projection');
  const seconds = (Date.now() - start) / 1000;
  const { applied } = await progress();
  const inPayments = reached && { seconds: last.seconds - reached.seconds, events: last.events - reached.events };
  return {
    seconds,
    events: applied,
    eventsPerSecond: applied / seconds,
    finished: done,
    ...(inPayments && inPayments.seconds >= 10
      ? { payments: { fromEvent, ...inPayments, eventsPerSecond: inPayments.events / inPayments.seconds } }
      : {}),
    curve,
  };
}

/** How many events the log holds before its first payment (in the order a rebuild reads it). */
async function eventsBeforeFirstPayment(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `with first_payment as (
       select transaction_id, global_position from events where event_type = any($1)
        order by transaction_id, global_position limit 1)
     select count(*) as n from events e, first_payment f
      where (e.transaction_id, e.global_position) < (f.transaction_id, f.global_position)`,
    [PAYMENT_TYPES],
  );
  return Number(rows[0].n);
}

/**
 * Single-event appends by 8 writers (as 8 clerks paying different people) into the province's log
 * and into an empty one, alternately, `rounds` times after a warm-up: what the log's size costs a write.
 */
export async function appendsBesideEmpty(
  province: Pool,
  empty: Pool,
  rounds: number,
  log: (line: string) => void,
): Promise<{ provinceLog: Spread; emptyLog: Spread }> {
  const events = new EventSource(await sampleOfLog(province));
  const writersOn = (pool: Pool, tag: string) => {
    const target = new PostgresEventStore(pool);
    const streams = Array.from({ length: 8 }, (_, w) => new Streams(`${tag}-w${w}`, 200));
    return async (caller: number) => {
      const s = streams[caller].next();
      await target.appendToStream(s.streamId, [events.next()], s.expected);
      s.advance(1);
    };
  };
  const onProvince = writersOn(province, 'province');
  const onEmpty = writersOn(empty, 'empty');
  const rates = { province: [] as number[], empty: [] as number[] };
  for (let round = -1; round < rounds; round++) {
    log(
      round < 0 ? 'appends: warm-up round' : `appends: round ${round + 1} of ${rounds} (province log, then empty log)`,
    );
    const p = await timed(3000, 1, onProvince, 8);
    const e = await timed(3000, 1, onEmpty, 8);
    if (round < 0) continue;
    rates.province.push(p);
    rates.empty.push(e);
  }
  return { provinceLog: spread(rates.province), emptyLog: spread(rates.empty) };
}
