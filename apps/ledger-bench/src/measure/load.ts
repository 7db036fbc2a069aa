import { Random } from '../city/random';
import { HttpClient } from '../http-client';
import { msSince, percentile } from '../stats';
import { memoryOf } from './processes';

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  firstError?: string;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
  /** The API's resident set before and after the load (MiB): "memory flat" is their difference. */
  rssBeforeMb: number | null;
  rssAfterMb: number | null;
  /** True when the time bound ended the run before every request was sent. */
  cutShort: boolean;
}

/**
 * A load generator against the running API on loopback: `clients` callers, each with its own
 * keep-alive connection, GET paths drawn at random until `requests` are answered or `maxMs` passes
 * (bounded in count and in time, so a slow server lengthens nothing). Every latency counts, errors too.
 */
export async function measureLoad(
  baseUrl: string,
  token: string,
  pid: number,
  paths: readonly string[],
  options: { clients: number; requests: number; maxMs: number; seed: string },
): Promise<LoadResult> {
  const client = new HttpClient(baseUrl, token, options.clients);
  const random = new Random(1, options.seed);
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let sent = 0;
  const before = await memoryOf(pid);
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.maxMs;
  const caller = async () => {
    while (sent < options.requests && Date.now() < deadline) {
      sent++;
      const path = random.pick(paths);
      const start = process.hrtime.bigint();
      try {
        const res = await client.get(path);
        if (res.status !== 200) {
          errors++;
          firstError ??= `${path}: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= `${path}: ${(error as Error).message}`;
      }
      times.push(msSince(start));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, caller));
  const seconds = msSince(started) / 1000;
  const after = await memoryOf(pid);
  client.close();
  return {
    clients: options.clients,
    requests: times.length,
    errors,
    ...(firstError ? { firstError } : {}),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.length ? Math.max(...times) : 0,
    requestsPerSecond: times.length / seconds,
    rssBeforeMb: before ? Math.round(before.rssMb) : null,
    rssAfterMb: after ? Math.round(after.rssMb) : null,
    cutShort: times.length < options.requests,
  };
}
