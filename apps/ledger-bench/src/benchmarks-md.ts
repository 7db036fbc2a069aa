import { readFile, writeFile } from 'node:fs/promises';
import type { BenchResults, TargetCheck } from './report';

const START = '<!-- bench:table:start (written by `npm run bench -- --write-benchmarks`; edit the bench, not this) -->';
const END = '<!-- bench:table:end -->';

const fmt = (n: number | null) => (n === null ? 'missing' : n.toLocaleString('en-US', { maximumFractionDigits: 0 }));
const pct = (a: number | null, b: number | null) => (a === null || b === null ? '' : `${((a / b) * 100).toFixed(0)} %`);

/**
 * The human table: each workload beside the raw PostgreSQL limit it sits on, from this one run,
 * and their ratio (absolute figures drift from machine to machine, ratios much less).
 */
export function humanTable(r: BenchResults, checks: readonly TargetCheck[], about: string): string {
  const rows: [string, number | null, string, number | null, string][] = [
    ['single-event appends, sequential', r.raw.single, 'INSERT, one connection', r.store.single, 'events/s'],
    ['single-event appends, 8 writers', r.raw.single8, 'INSERT, 8 connections', r.store.single8, 'events/s'],
    ['batched appends of 100', r.raw.unnest100, 'INSERT … unnest', r.store.batch100, 'events/s'],
    ['whole-log read', r.raw.readAll, 'keyset read', r.store.readAll, 'events/s'],
    ['wage payments via the command bus, 1 caller', r.raw.single, 'INSERT, one connection', r.commands.bus, '/s'],
    ['wage payments via the command bus, 8 callers', r.raw.single8, 'INSERT, 8 connections', r.commands.bus8, '/s'],
    ['wage payments over HTTP, 1 client', r.raw.single, 'INSERT, one connection', r.commands.http1, '/s'],
    ['wage payments over HTTP, 8 clients', r.raw.single8, 'INSERT, 8 connections', r.commands.http8, '/s'],
    ['projection catch-up, all from zero', r.raw.copy, 'COPY', r.projections.catchUp, 'events/s'],
    ['roster import, 100,000 wage rows', r.raw.copy, 'COPY', r.commands.import100k, 'rows/s'],
  ];
  const lines = [
    about,
    '',
    '| workload | raw limit | raw, measured | this project | ratio |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map(
      ([name, raw, rawName, ours, unit]) =>
        `| ${name} | ${rawName} | ${fmt(raw)} ${unit} | ${fmt(ours)} ${unit} | ${pct(ours, raw)} |`,
    ),
    '',
    '| latency and memory | measured |',
    '| --- | ---: |',
    `| statement JSON, 1 client, p50 / p99 | ${r.queries.statementP50Ms ?? 'missing'} / ${r.queries.statementP99Ms ?? 'missing'} ms |`,
    `| statement JSON, 100 concurrent clients, p99 | ${r.queries.statementLoadP99Ms ?? 'missing'} ms |`,
    `| statement PDF, 20 concurrent clients, p99 | ${r.queries.pdfLoadP99Ms ?? 'missing'} ms |`,
    `| API RSS growth over the load runs | ${r.memory.apiLoadGrowthMb ?? 'missing'} MiB |`,
    `| bulk print of ${r.printing.cards ?? 'no'} cards into one PDF: time / heap growth / RSS growth | ${r.printing.msPerCard ?? 'missing'} ms a card / ${r.printing.heapPerCardKb ?? 'missing'} KiB a card / ${r.printing.rssGrowthMb ?? 'missing'} MiB |`,
    `| phone statement on slow 3G (400 ms, 400 kbit/s), link to total shown | ${r.web.phoneStatementMs ?? 'missing'} ms |`,
    `| console's JavaScript before its first screen, compressed, slow 3G | ${r.web.consoleFirstScreenKb ?? 'missing'} kB |`,
    '',
    '| target | goal | measured | met |',
    '| --- | --- | --- | --- |',
    ...checks.map(
      (c) => `| ${c.name} | ${c.target} | ${c.measured} | ${c.met === null ? 'not measured' : c.met ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}

/** Replaces the table between the markers in BENCHMARKS.md (adds the markers after the title once). */
export async function writeBenchmarks(path: string, table: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const block = `${START}\n${table}\n${END}`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + END.length)
      : text.replace(/\n## Reproduce/, `\n## The latest run, in one table\n\n${block}\n\n## Reproduce`);
  await writeFile(path, next);
}
