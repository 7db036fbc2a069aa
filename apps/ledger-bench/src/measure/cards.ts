import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { fixtureStatement, manyLines } from '@ledger/ledger/statements/printable/statement.fixtures';
import { CardsPdf } from '@ledger/ledger/statements/printable/statement-pdf';

/**
 * Bulk printing of 明白卡 (issue 17): a village's or a township's cards in one streamed PDF. What is
 * measured is what a township clerk waits for and what the server must hold: time per card, and how
 * much the heap and the resident set grow per card once printing is under way (flat is near zero).
 * Each size runs in a process of its own, started with `--expose-gc`, so the figures are the
 * printer's alone and a full collection precedes every sample.
 */

export interface BulkPrintRun {
  cards: number;
  pages: number;
  megabytes: number;
  msPerCard: number;
  /** Heap growth per card from the tenth of the run to its end, after a full collection (bytes). */
  heapPerCardBytes: number;
  /** Resident set growth over the same cards (MiB), and its peak. */
  rssGrowthMb: number;
  peakRssMb: number;
}

/** A sink that keeps only counts: bytes, and pages as their dictionaries go by. */
class CountingSink extends Writable {
  bytes = 0;
  pages = 0;
  private tail = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.bytes += chunk.length;
    const text = this.tail + chunk.toString('latin1');
    this.pages += (text.match(/\/Type \/Page\n/g) ?? []).length;
    this.tail = text.slice(-16);
    done();
  }
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** Prints `count` cards of 3 to 12 lines (one page each) and measures; runs inside the child. */
export async function printCards(count: number): Promise<BulkPrintRun> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const sink = new CountingSink();
  const cards = new CardsPdf(sink, { title: '收益明白卡 · bench' });
  const statements = [3, 6, 9, 12].map((n) => fixtureStatement({ lines: manyLines(n) }));
  const from = Math.max(1, Math.floor(count / 10));
  let baseline = { heap: 0, rss: 0 };
  let peakRss = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const statement = statements[i % statements.length];
    const n = String(i).padStart(5, '0');
    cards.add(
      { ...statement, household: { ...statement.household, registrationNo: `42112401${n}` } },
      { verificationCode: `7K3M-9QXP-${n.slice(1)}`, issuedAt: '2019-01-05T06:03:09.000Z' },
    );
    if ((i + 1) % from === 0) {
      // Let the sink drain what was flushed before looking.
      await new Promise((resolve) => setImmediate(resolve));
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (i + 1 === from) {
        gc();
        baseline = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
      }
    }
  }
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  await cards.end();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    cards: cards.cards,
    pages: sink.pages,
    megabytes: Math.round(mib(sink.bytes) * 10) / 10,
    msPerCard: Math.round((ms / count) * 10) / 10,
    heapPerCardBytes: Math.round((heapUsed - baseline.heap) / (count - from)),
    rssGrowthMb: Math.round(mib(rss - baseline.rss) * 10) / 10,
    peakRssMb: Math.round(mib(Math.max(peakRss, rss))),
  };
}

/** Runs the bulk print at each size in a fresh process (this file, run as a script). */
export async function measureBulkPrint(sizes: readonly number[], log: (line: string) => void): Promise<BulkPrintRun[]> {
  const runs: BulkPrintRun[] = [];
  for (const count of sizes) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', __filename, String(count)], {
      maxBuffer: 1 << 20,
    });
    const run = JSON.parse(stdout) as BulkPrintRun;
    log(
      `bulk print: ${run.cards} cards, ${run.pages} pages, ${run.megabytes} MB in ${run.msPerCard} ms a card; ` +
        `heap ${(run.heapPerCardBytes / 1024).toFixed(1)} KB a card, RSS +${run.rssGrowthMb} MiB (peak ${run.peakRssMb} MiB)`,
    );
    runs.push(run);
  }
  return runs;
}

if (require.main === module) {
  printCards(Number(process.argv[2])).then(
    (run) => process.stdout.write(`${JSON.stringify(run)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
