import type { Spread } from './stats';

/** The JSON the issue asks for: rates as median per second, times in milliseconds; null when not measured. */
export interface BenchResults {
  raw: {
    single: number | null;
    single8: number | null;
    unnest100: number | null;
    copy: number | null;
    readAll: number | null;
  };
  store: {
    single: number | null;
    single8: number | null;
    batch100: number | null;
    readAll: number | null;
    readStream: number | null;
  };
  commands: {
    bus: number | null;
    bus8: number | null;
    http1: number | null;
    http8: number | null;
    import100k: number | null;
  };
  projections: { catchUp: number | null };
  queries: {
    statementP50Ms: number | null;
    statementP99Ms: number | null;
    obligationsP99Ms: number | null;
    fundFlowP99Ms: number | null;
    /** Statement JSON with 100 concurrent clients, and the PDF with 20 (the load). */
    statementLoadP99Ms: number | null;
    pdfLoadP99Ms: number | null;
  };
  /** The console on slow 3G (400 ms, 400 kbit/s each way), in chromium. */
  web: {
    /** Opening the household's phone link until its total shows. */
    phoneStatementMs: number | null;
    /** JavaScript as sent (compressed) before the console's first screen. */
    consoleFirstScreenKb: number | null;
  };
  memory: {
    apiPeakMb: number | null;
    importerPeakMb: number | null;
    /** The API's RSS growth over the load runs (MiB): flat is near zero. */
    apiLoadGrowthMb: number | null;
  };
  /** Bulk printing of cards into one streamed PDF (issue 17), at the largest size run. */
  printing: {
    cards: number | null;
    msPerCard: number | null;
    /** Heap growth per card once printing is under way (KiB): flat is near zero. */
    heapPerCardKb: number | null;
    rssGrowthMb: number | null;
  };
}

export function emptyResults(): BenchResults {
  return {
    raw: { single: null, single8: null, unnest100: null, copy: null, readAll: null },
    store: { single: null, single8: null, batch100: null, readAll: null, readStream: null },
    commands: { bus: null, bus8: null, http1: null, http8: null, import100k: null },
    projections: { catchUp: null },
    queries: {
      statementP50Ms: null,
      statementP99Ms: null,
      obligationsP99Ms: null,
      fundFlowP99Ms: null,
      statementLoadP99Ms: null,
      pdfLoadP99Ms: null,
    },
    web: { phoneStatementMs: null, consoleFirstScreenKb: null },
    memory: { apiPeakMb: null, importerPeakMb: null, apiLoadGrowthMb: null },
    printing: { cards: null, msPerCard: null, heapPerCardKb: null, rssGrowthMb: null },
  };
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? 'missing'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The targets, checked against this run's own raw figures. */
export function checkTargets(r: BenchResults, scale: number): TargetCheck[] {
  const ratio = (a: number | null, b: number | null) => (a === null || b === null ? null : a / b);
  const pct = (x: number | null) => (x === null ? 'missing' : `${(x * 100).toFixed(0)} %`);
  const checks: TargetCheck[] = [];
  const share = (name: string, a: number | null, b: number | null, min: number) => {
    const x = ratio(a, b);
    checks.push({ name, target: `≥ ${min * 100} % of raw`, measured: pct(x), met: x === null ? null : x >= min });
  };
  share('single-event appends (sequential)', r.store.single, r.raw.single, 0.8);
  share('single-event appends (8 writers)', r.store.single8, r.raw.single8, 0.8);
  share('batched appends of 100', r.store.batch100, r.raw.unnest100, 0.9);
  share('whole-log read', r.store.readAll, r.raw.readAll, 0.6);
  // The command path, against the raw limit it sits on (issue 20).
  share('commands via bus, 8 concurrent', r.commands.bus8, r.raw.single8, 0.3);
  share('HTTP write commands, 8 clients', r.commands.http8, r.raw.single8, 0.2);
  const scaling = ratio(r.commands.http8, r.commands.http1);
  checks.push({
    name: 'HTTP writes, 8 clients vs 1',
    target: '≥ 4×',
    measured: scaling === null ? 'missing' : `${scaling.toFixed(1)}×`,
    met: scaling === null ? null : scaling >= 4,
  });
  const c = r.projections.catchUp;
  checks.push({
    name: 'projection catch-up',
    target: '≥ 30,000 events/s',
    measured: `${fmt(c)} /s`,
    met: c === null ? null : c >= 30_000,
  });
  const imp = r.commands.import100k;
  checks.push({
    name: 'roster import of 100,000 rows',
    target: '< 20 s',
    measured: imp === null ? 'missing' : `${fmt(100_000 / imp, 1)} s`,
    met: imp === null ? null : 100_000 / imp < 20,
  });
  const p99 = r.queries.statementP99Ms;
  const limit = scale >= 10 ? 50 : 20;
  checks.push({
    name: `statement p99 (scale ${scale})`,
    target: `< ${limit} ms`,
    measured: p99 === null ? 'missing' : `${fmt(p99, 1)} ms`,
    met: p99 === null ? null : p99 < limit,
  });
  const underLoad = (name: string, ms: number | null, limit: number) =>
    checks.push({
      name,
      target: `p99 ≤ ${fmt(limit)} ms`,
      measured: ms === null ? 'missing' : `${fmt(ms, 1)} ms`,
      met: ms === null ? null : ms <= limit,
    });
  underLoad('statement JSON, 100 concurrent', r.queries.statementLoadP99Ms, 100);
  underLoad('statement PDF, 20 concurrent', r.queries.pdfLoadP99Ms, 1000);
  const phone = r.web.phoneStatementMs;
  checks.push({
    name: 'phone statement total on slow 3G',
    target: '≤ 5,000 ms',
    measured: phone === null ? 'missing' : `${fmt(phone)} ms`,
    met: phone === null ? null : phone <= 5000,
  });
  const firstScreen = r.web.consoleFirstScreenKb;
  checks.push({
    name: "console's JavaScript before its first screen",
    target: '≤ 500 kB compressed',
    measured: firstScreen === null ? 'missing' : `${fmt(firstScreen)} kB`,
    met: firstScreen === null ? null : firstScreen <= 500,
  });
  const growth = r.memory.apiLoadGrowthMb;
  checks.push({
    name: 'API memory over the load runs',
    target: 'flat (≤ 50 MiB growth)',
    measured: growth === null ? 'missing' : `${fmt(growth)} MiB`,
    met: growth === null ? null : growth <= 50,
  });
  const perCard = r.printing.heapPerCardKb;
  checks.push({
    name: `bulk print memory, ${r.printing.cards ?? 'no'} cards`,
    target: '≤ 4 KiB a card',
    measured: perCard === null ? 'missing' : `${fmt(perCard, 1)} KiB a card`,
    met: perCard === null ? null : perCard <= 4,
  });
  return checks;
}

function pad(text: string, width: number, right = false): string {
  // Chinese characters take two columns; the table is ASCII and digits only, so length is enough.
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The human-readable table: every measurement with its spread, then the targets. */
export function renderTable(
  results: BenchResults,
  spreads: Record<string, Spread | undefined>,
  checks: readonly TargetCheck[],
): string {
  const lines: string[] = [];
  const row = (name: string, unit: string, s: Spread | undefined, median: number | null, digits = 0) => {
    lines.push(
      `${pad(name, 44)} ${pad(fmt(median, digits), 12, true)} ${pad(s ? fmt(s.min, digits) : '', 12, true)} ${pad(s ? fmt(s.max, digits) : '', 12, true)}  ${unit}`,
    );
  };
  lines.push(
    `${pad('measurement', 44)} ${pad('median', 12, true)} ${pad('min', 12, true)} ${pad('max', 12, true)}  unit`,
  );
  lines.push('-'.repeat(100));
  row('raw: single-row INSERT, sequential', 'rows/s', spreads['raw.single'], results.raw.single);
  row('raw: single-row INSERT, 8 connections', 'rows/s', spreads['raw.single8'], results.raw.single8);
  row('raw: INSERT … unnest, 100 rows', 'rows/s', spreads['raw.unnest100'], results.raw.unnest100);
  row('raw: COPY', 'rows/s', spreads['raw.copy'], results.raw.copy);
  row('raw: keyset read', 'rows/s', spreads['raw.readAll'], results.raw.readAll);
  row('store: single-event append, sequential', 'events/s', spreads['store.single'], results.store.single);
  row('store: single-event append, 8 writers', 'events/s', spreads['store.single8'], results.store.single8);
  row('store: batched append, 100 events', 'events/s', spreads['store.batch100'], results.store.batch100);
  row('store: whole-log read', 'events/s', spreads['store.readAll'], results.store.readAll);
  row('store: per-stream reads', 'events/s', spreads['store.readStream'], results.store.readStream);
  row('commands: wage payments via command bus', 'commands/s', spreads['commands.bus'], results.commands.bus);
  row('commands: wage payments via bus, 8 callers', 'commands/s', spreads['commands.bus8'], results.commands.bus8);
  row('commands: HTTP, 1 client, idempotency keys', 'requests/s', spreads['commands.http1'], results.commands.http1);
  row('commands: HTTP, 8 clients, idempotency keys', 'requests/s', spreads['commands.http8'], results.commands.http8);
  row(
    'commands: roster import, 100,000 wage rows',
    'rows/s',
    spreads['commands.import100k'],
    results.commands.import100k,
  );
  row(
    'projections: catch-up from zero, all at once',
    'events/s',
    spreads['projections.catchUp'],
    results.projections.catchUp,
  );
  row('queries: statement p50', 'ms', undefined, results.queries.statementP50Ms, 1);
  row('queries: statement p99', 'ms', undefined, results.queries.statementP99Ms, 1);
  row('queries: obligations p99', 'ms', undefined, results.queries.obligationsP99Ms, 1);
  row('queries: fund flow p99', 'ms', undefined, results.queries.fundFlowP99Ms, 1);
  row('queries: statement p99, 100 concurrent', 'ms', undefined, results.queries.statementLoadP99Ms, 1);
  row('queries: statement PDF p99, 20 concurrent', 'ms', undefined, results.queries.pdfLoadP99Ms, 1);
  row('web: phone statement total, slow 3G', 'ms', undefined, results.web.phoneStatementMs);
  row('web: console JS before first screen, 3G', 'kB', undefined, results.web.consoleFirstScreenKb);
  row('memory: API RSS growth under load', 'MiB', undefined, results.memory.apiLoadGrowthMb, 0);
  row('memory: API peak RSS', 'MiB', undefined, results.memory.apiPeakMb, 0);
  row('memory: importer peak RSS', 'MiB', undefined, results.memory.importerPeakMb, 0);
  const cards = results.printing.cards ?? 0;
  row(`printing: bulk cards PDF, ${cards} cards`, 'ms/card', undefined, results.printing.msPerCard, 1);
  row(`printing: bulk heap growth, ${cards} cards`, 'KiB/card', undefined, results.printing.heapPerCardKb, 1);
  row(`printing: bulk RSS growth, ${cards} cards`, 'MiB', undefined, results.printing.rssGrowthMb, 1);
  lines.push('');
  lines.push(`${pad('target', 44)} ${pad('goal', 20)} ${pad('measured', 14)} met`);
  lines.push('-'.repeat(100));
  for (const c of checks) {
    lines.push(
      `${pad(c.name, 44)} ${pad(c.target, 20)} ${pad(c.measured, 14)} ${c.met === null ? 'missing' : c.met ? 'yes' : 'NO'}`,
    );
  }
  return lines.join('\n');
}
