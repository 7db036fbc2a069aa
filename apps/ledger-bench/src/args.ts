/** Command-line options of `npm run bench`, `npm run demo` and `npm run bench:province`. */
export interface Args {
  command: 'bench' | 'demo' | 'province' | 'help';
  scale: number;
  seed: number;
  out?: string;
  runs?: number;
  /** Measurements to run (all when absent): raw, store, projections, projections-each (each projection alone too), bus, http, queries, import, cards. */
  only?: Set<string>;
  /** Demo: which county (index or name); default the first. */
  county?: string;
  port?: number;
  concurrency: number;
  /** Also rewrite the table in BENCHMARKS.md from this run. */
  writeBenchmarks?: boolean;
  /** Run the API child under `node --cpu-prof`, its profile written to this folder when it stops. */
  profileApi?: string;
  /** The API without inline projections, and `ledger-cli projections run` beside it (the county layout). */
  projector?: boolean;
  /** Province: how many counties of 3,000 households (default 100). */
  counties?: number;
  /** Province: the server's `shared_buffers` (default the server's own, 128 MB), e.g. `2GB`. */
  sharedBuffers?: string;
}

export const USAGE = `Usage:
  npm run bench [-- --scale <n>] [--out <file>] [--seed <n>] [--runs <n>] [--only raw,store,projections,projections-each,bus,http,queries,import,cards,web] [--write-benchmarks] [--profile-api <dir>] [--projector]
      Generates the synthetic city (scale 1: ~12,000 households in 4 counties, three years of payments),
      starts its own embedded PostgreSQL (fsync on) in a temporary folder, measures the raw limit, the
      event store, the command path, projections, queries and memory, prints a table and writes
      bench/results/<date>.json (or --out); --write-benchmarks also rewrites the table in BENCHMARKS.md;
      --profile-api writes a CPU profile of the API process (open it in Chrome DevTools) into <dir>;
      --projector runs the API without inline projections and \`ledger-cli projections run\` beside it,
      as the county deployment in docker/ does.
  npm run demo [-- --county <index|name>] [--scale <n>] [--port <n>] [--concurrency <n>]
      Starts the service on the embedded database in .data-demo (or LEDGER_DATA_DIR), loads one county of
      the synthetic city through the public HTTP API, and prints the admin token and statement links.
  npm run bench:province [-- --counties <n>] [--shared-buffers <size>] [--seed <n>] [--out <file>]
      Writes a province (100 counties of 3,000 households, three years of payments: 6.3 million events)
      into one embedded PostgreSQL and measures what the province asks of it: a clerk per county paying
      wages over HTTP at the busy day's rate and at the API's limit, the read models rebuilt from zero
      (for up to four minutes), and appends beside an empty log. About half an hour and 10 GB of disk;
      writes bench/results/<date>-province.json (or --out). --counties 8 tries it in minutes;
      --shared-buffers 2GB runs the server with that much shared memory instead of its default 128MB.`;

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: 'bench', scale: 1, seed: 2017, concurrency: 8 };
  const rest = [...argv];
  if (rest[0] === 'demo' || rest[0] === 'bench' || rest[0] === 'province')
    args.command = rest.shift() as 'demo' | 'bench' | 'province';
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const number = (flag: string): number => {
    const n = Number(value(flag));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number`);
    return n;
  };
  while (rest.length > 0) {
    const flag = rest.shift()!;
    const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s) : [flag, undefined];
    if (inline !== undefined) rest.unshift(inline);
    switch (name) {
      case '--scale':
        args.scale = number(name);
        break;
      case '--seed':
        args.seed = Math.floor(number(name));
        break;
      case '--out':
        args.out = value(name);
        break;
      case '--runs':
        args.runs = Math.max(1, Math.floor(number(name)));
        break;
      case '--only':
        args.only = new Set(value(name).split(','));
        break;
      case '--county':
        args.county = value(name);
        break;
      case '--port':
        args.port = Math.floor(number(name));
        break;
      case '--concurrency':
        args.concurrency = Math.floor(number(name));
        break;
      case '--write-benchmarks':
        args.writeBenchmarks = true;
        break;
      case '--profile-api':
        args.profileApi = value(name);
        break;
      case '--projector':
        args.projector = true;
        break;
      case '--counties':
        args.counties = Math.floor(number(name));
        break;
      case '--shared-buffers':
        args.sharedBuffers = value(name);
        if (!/^[1-9][0-9]{0,5}(kB|MB|GB)$/.test(args.sharedBuffers))
          throw new Error('--shared-buffers must be a size such as 512MB or 2GB');
        break;
      case '--help':
      case '-h':
        args.command = 'help';
        break;
      default:
        throw new Error(`unknown option ${name}`);
    }
  }
  return args;
}
