import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fixtureStatement, manyLines } from './statement.fixtures';
import { CardsPdf } from './statement-pdf';

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

/** A full collection before each sample, so the figures are what is kept, not garbage not yet collected. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 10.24) / 100;

describe('a village of cards in one PDF', () => {
  it('prints 500 households in one streamed PDF, memory bounded: growth from the 50th to the 500th card under 48 KB a card', async () => {
    const sink = new CountingSink();
    const cards = new CardsPdf(sink, { title: '收益明白卡 · 桃园村' });
    const statements = [3, 6, 9, 12].map((n) => fixtureStatement({ lines: manyLines(n) }));
    const gc = collector();
    let baseline = { heap: 0, rss: 0 };
    const samples: number[] = [];
    for (let i = 0; i < 500; i++) {
      const statement = statements[i % statements.length];
      cards.add(
        {
          ...statement,
          household: { ...statement.household, registrationNo: `42112401${String(i).padStart(5, '0')}` },
        },
        { verificationCode: `7K3M-9QXP-${String(i).padStart(4, '0')}`, issuedAt: '2019-01-05T06:03:09.000Z' },
      );
      if (i % 50 === 49) {
        // Let the sink drain what was flushed, then sample.
        await new Promise((resolve) => setImmediate(resolve));
        gc();
        const { heapUsed, rss } = process.memoryUsage();
        if (i === 49) baseline = { heap: heapUsed, rss };
        samples.push(heapUsed);
      }
    }
    // Growth while printing, from the 50th card to the 500th (ending the file then embeds the fonts).
    const { rss } = process.memoryUsage();
    const heapGrowth = samples[samples.length - 1] - baseline.heap;
    const rssGrowth = rss - baseline.rss;
    await cards.end();
    // The figures, not just a verdict: heap and RSS growth over 450 cards, and the file.
    console.log(
      `500 cards: ${sink.pages} pages, ${mb(sink.bytes)} MB written; heap growth ${mb(heapGrowth)} MB, ` +
        `RSS growth ${mb(rssGrowth)} MB after the 50th card; heap samples ${samples.map(mb).join(', ')} MB`,
    );
    expect(cards.cards).toBe(500);
    expect(sink.pages).toBe(500); // a card of up to 12 lines is one page
    // What is left growing is pdfkit's own bookkeeping for the tagged structure of each page (about
    // 30 KB a card, measured); the pages themselves and the layout cache are let go card by card.
    // Without flushing, every card's pages stayed in memory until the end (over 90 MB here).
    expect(heapGrowth / 450).toBeLessThan(48 * 1024);
    expect(rssGrowth).toBeLessThan(64 * 1024 * 1024);
  }, 300_000);
});
