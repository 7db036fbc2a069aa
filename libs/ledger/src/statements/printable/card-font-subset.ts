import { createHash } from 'node:crypto';
import { open, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardContent } from './card-content';
import { CardWriter } from './card-pdf-writer';
import type { PrintableStatement } from './printable-statement';
import type { StatementRenderOptions } from './statement-html';
import { labelsFor } from './statement-labels';

/**
 * The CJK font cut, once per process, to the characters cards nearly always print (issue 20: PDFs
 * under load). pdfkit subsets through fontkit as each document ends, and from the 8 MB CID-keyed Noto
 * font (30,888 glyphs) that subset carries a stub for each of the 24,770 local subroutines of every
 * font dictionary the card touches: half of a warm card's CPU. HarfBuzz's hb-subset (`subset-font`,
 * wasm) cuts the font to GB 2312 (its 6,763 hanzi and symbols: the characters of everyday names and
 * places), ASCII and the cards' own text, with their subroutines and layout rules: 8,208 glyphs, 2 MB,
 * and fontkit's subset of a card from it takes a third of the time, in half the bytes. Cutting per
 * card instead was slower: each cut copies and parses the whole font.
 *
 * A card whose data has a character outside the cut (a rare character in a name) is printed in the
 * whole font. So that no card can print a blank box, the cut font also refuses to lay out any character
 * it lacks (`OutsideCardText`), and such a card is printed again in the whole font.
 */

/** A font as fontkit parsed it; what pdfkit reads of it. */
export type ParsedFont = { layout: (text: string, ...rest: unknown[]) => unknown };

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'sfnt' }) => Promise<Buffer>;

/** Raised when a card lays out a character the cut font does not have; the card is printed again. */
export class OutsideCardText extends Error {
  constructor(readonly character: string) {
    super(`the cut font has no ${JSON.stringify(character)}`);
  }
}

/** GB 2312's rows 1-87 as Unicode, through the GBK decoder (a superset); empty without ICU's GBK. */
function gb2312(): string {
  const bytes: number[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  try {
    return new TextDecoder('gbk').decode(Buffer.from(bytes)).replace(/\uFFFD/g, '');
  } catch {
    return '';
  }
}

/** What every card prints whatever its data: ASCII, line breaks and the text of the code that writes it. */
function cardsOwnText(): string {
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  // A label that is a function, cardContent and CardWriter hold their literal text (such as 【】) in their source.
  const code = (['zh', 'en'] as const).flatMap((lang) =>
    Object.values(labelsFor(lang)).map((label) =>
      typeof label === 'function' ? String(label) : JSON.stringify(label),
    ),
  );
  return [ascii, '\u2011\u00a0\n\r\t', String(cardContent), String(CardWriter), ...code].join('');
}

/** The characters a card's data brings: the statement, its content as the card reads it, the options. */
export function cardCharacters(statement: PrintableStatement, options: StatementRenderOptions): string {
  return (
    JSON.stringify(statement) + JSON.stringify(cardContent(statement, options.lang ?? 'zh')) + JSON.stringify(options)
  );
}

/** One font cut to the repertoire, and the repertoire, once per process. */
export class CutFont {
  private cut?: Promise<{ font: ParsedFont; repertoire: Set<string> }>;

  constructor(
    private readonly file: () => Buffer,
    private readonly parse: (data: Buffer) => ParsedFont,
  ) {}

  /** The cut font if it has every one of `characters`, else undefined (print in the whole font). */
  async for(characters: string): Promise<ParsedFont | undefined> {
    let cut: Awaited<NonNullable<typeof this.cut>>;
    try {
      cut = await (this.cut ??= this.make());
    } catch {
      return undefined; // the whole font still prints every card
    }
    for (const character of characters) if (!cut.repertoire.has(character)) return undefined;
    return cut.font;
  }

  private async make(): Promise<{ font: ParsedFont; repertoire: Set<string> }> {
    const repertoire = [...new Set(gb2312() + cardsOwnText())].join('');
    const font = this.parse(await cutOnce(this.file(), repertoire));
    const allowed = new Set(repertoire);
    const layout = font.layout.bind(font);
    font.layout = (text: string, ...rest: unknown[]) => {
      for (const character of text) if (!allowed.has(character)) throw new OutsideCardText(character);
      return layout(text, ...rest);
    };
    return { font, repertoire: allowed };
  }
}

/**
 * The cut costs about 0.7 s of CPU per font; the service and CLI start many times (the test suite a
 * hundred), so the cut is kept in the temporary directory under a digest of the font and the
 * repertoire, written beside and renamed into place (a reader sees a whole file or none).
 */
async function cutOnce(file: Buffer, repertoire: string): Promise<Buffer> {
  const digest = createHash('sha256').update(file).update(repertoire).digest('hex').slice(0, 32);
  const path = join(tmpdir(), `ledger-card-font-${digest}.otf`);
  const kept = await readKept(path);
  if (kept) return kept;
  const subsetFont = createRequire(__filename)('subset-font') as SubsetFont;
  const cut = await subsetFont(file, repertoire, { targetFormat: 'sfnt' });
  const partial = `${path}.${process.pid}.${Date.now()}`;
  // 'wx': never through a file or link someone else put at that name first.
  await writeFile(partial, cut, { mode: 0o600, flag: 'wx' })
    .then(() => rename(partial, path))
    .catch(() => undefined); // a read-only temporary directory only costs the next process the cut
  return cut;
}

/** A kept cut, only if this account wrote it: another could plant a file in a shared temporary directory. */
async function readKept(path: string): Promise<Buffer | undefined> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const stat = await file.stat();
    if ((process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o022) !== 0) return undefined;
    return await file.readFile();
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}
