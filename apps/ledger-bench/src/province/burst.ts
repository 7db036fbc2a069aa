import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpClient } from '../http-client';
import { msSince, percentile } from '../stats';
import type { Latency } from '../measure/http';
import type { WagePayments } from '../measure/commands';

/** What the counties' clerks asked of the API in one measurement, and how it answered. */
export interface BurstResult extends Latency {
  /** Requests a second asked for (open loop), or undefined when every clerk sent as fast as answered. */
  offeredPerSecond?: number;
  /** Requests answered 201 a second. */
  achievedPerSecond: number;
  /**
   * Requests not sent because their county already had its bound in flight (open loop): the
   * latencies above leave them out, so a run that shed any was overloaded whatever its p99.
   */
  shed: number;
}

/**
 * At most this many requests of one county in flight at once (a clerk's office does not queue
 * without end); each county's client must have at least as many sockets.
 */
export const IN_FLIGHT_PER_COUNTY = 20;

/** A county's clerk: a client signed in with the clerk's own token, and the wages the county pays. */
export interface CountyClerk {
  client: HttpClient;
  payments: WagePayments;
}

/**
 * One clerk per county paying its own workers' wages over HTTP (with an Idempotency-Key, as the
 * console sends). Open loop (`perSecond` given): the county's requests are sent on a fixed
 * schedule whether or not the last was answered, the counties' schedules staggered, and each
 * latency counted from when the request was due, so a server that falls behind shows it rather
 * than slowing the clients down. Closed loop (no rate): each clerk sends the next as soon as the
 * last is answered, which finds the most the API answers.
 */
export async function countiesPaying(
  counties: readonly CountyClerk[],
  seconds: number,
  perSecond?: number,
): Promise<BurstResult> {
  const times: number[] = [];
  let errors = 0;
  let shed = 0;
  let firstError: string | undefined;
  const post = async ({ client, payments }: CountyClerk, due: bigint) => {
    const { employmentId, body } = payments.take();
    try {
      const res = await client.post(`/v1/employments/${employmentId}/payments`, body, {
        'Idempotency-Key': randomUUID(),
      });
      if (res.status === 201) times.push(msSince(due));
      else {
        errors++;
        firstError ??= `${res.status} ${res.body.toString('utf8').slice(0, 300)}`;
      }
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  };
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  const county = async (clerk: CountyClerk, index: number) => {
    if (perSecond === undefined) {
      while (process.hrtime.bigint() < end) await post(clerk, process.hrtime.bigint());
      return;
    }
    const intervalNs = (1e9 * counties.length) / perSecond;
    const inFlight = new Set<Promise<void>>();
    for (let n = 0; ; n++) {
      const due = start + BigInt(Math.round((n + index / counties.length) * intervalNs));
      if (due >= end) break;
      const wait = Number(due - process.hrtime.bigint()) / 1e6;
      if (wait > 0) await sleep(wait);
      if (inFlight.size >= IN_FLIGHT_PER_COUNTY) {
        shed++;
        continue;
      }
      const sent = post(clerk, due).finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    await Promise.all(inFlight);
  };
  await Promise.all(counties.map((clerk, index) => county(clerk, index)));
  const elapsedS = msSince(start) / 1000;
  return {
    offeredPerSecond: perSecond,
    achievedPerSecond: times.length / elapsedS,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: percentile(times, 100),
    requests: times.length + errors,
    errors,
    shed,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
