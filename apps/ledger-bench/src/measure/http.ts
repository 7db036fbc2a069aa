import { randomUUID } from 'node:crypto';
import { Random } from '../city/random';
import type { HttpClient } from '../http-client';
import { inParallel, msSince, percentile, ratePerSecond, repeat, type Spread } from '../stats';
import { warmUp, type WagePayments } from './commands';

export interface HttpWriteResults {
  /** One client, one request at a time: what 8 clients must scale from (the issue asks ≥ 4×). */
  http1: Spread;
  http8: Spread;
  /** The same without Idempotency-Key: what keeping answers for replay costs. */
  http8NoKey: Spread;
  errors: number;
}

export async function measureHttpWrites(
  client: HttpClient,
  payments: WagePayments,
  requests: number,
  runs: number,
  log: (line: string) => void,
): Promise<HttpWriteResults> {
  let errors = 0;
  let firstError = '';
  const post = async (withKey: boolean) => {
    const { employmentId, body } = payments.take();
    const res = await client.post(
      `/v1/employments/${employmentId}/payments`,
      body,
      withKey ? { 'Idempotency-Key': randomUUID() } : {},
    );
    if (res.status !== 201) {
      errors++;
      firstError ||= `${res.status} ${res.body.toString('utf8').slice(0, 300)}`;
    }
  };
  const run = (withKey: boolean, clients = 8) =>
    ratePerSecond(requests, () => inParallel(Array.from({ length: requests }), clients, () => post(withKey)));
  await warmUp(payments.streams, () => post(true), 'HTTP', log);
  log(`HTTP: wage payments from 1 client with Idempotency-Key, ${requests} × ${runs}`);
  const http1 = await repeat(runs, () => run(true, 1), true);
  log(`HTTP: wage payments from 8 clients with Idempotency-Key, ${requests} × ${runs}`);
  const http8 = await repeat(runs, () => run(true), true);
  log(`HTTP: the same without Idempotency-Key, ${requests} × ${runs}`);
  const http8NoKey = await repeat(runs, () => run(false), true);
  if (errors > 0) log(`  ${errors} requests failed; first: ${firstError}`);
  return { http1, http8, http8NoKey, errors };
}

export interface Latency {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  firstError?: string;
}

/** Latency of GETs to paths drawn at random, one client (the latency a clerk sees on a quiet server). */
export async function measureLatency(
  client: HttpClient,
  paths: readonly string[],
  requests: number,
  seed: string,
  warmup = 20,
): Promise<Latency> {
  const random = new Random(1, seed);
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < warmup + requests; i++) {
    const path = random.pick(paths);
    const start = process.hrtime.bigint();
    const res = await client.get(path);
    const ms = msSince(start);
    if (res.status !== 200) {
      errors++;
      firstError ??= `${path}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`;
    }
    if (i >= warmup) times.push(ms);
  }
  return {
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: Math.max(...times),
    requests,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}
