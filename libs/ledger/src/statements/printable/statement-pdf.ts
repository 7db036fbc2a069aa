import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type PDFDocumentClass from 'pdfkit';
import type { PrintableStatement } from './printable-statement';
import { CardWriter, PAGE_MARGIN, type CardFonts } from './card-pdf-writer';
import type { StatementRenderOptions } from './statement-html';
import { labelsFor } from './statement-labels';
import { taggedStructure, UNTAGGED, type CardStructure } from './card-structure';
import { cardCharacters, CutFont, OutsideCardText, type ParsedFont } from './card-font-subset';

/**
 * The clarity card as a PDF: A4, the same content as the HTML, real text in an embedded font so it
 * can be searched, copied and read aloud, tagged for screen readers.
 *
 * The font is Noto Sans Hans (Noto Sans CJK, Simplified Chinese: the GB 18030 repertoire with
 * CJK Extension A, and Latin), shipped in the npm package `@embedpdf/fonts-sc` under the SIL Open
 * Font License, so the card renders the same on every machine without system fonts. Only the
 * glyphs used are embedded.
 */

/** Fonts as fontkit parsed them; pdfkit embeds (and subsets) such objects as it does files. */
interface Fonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

interface Kit {
  PDFDocument: typeof PDFDocumentClass;
  fontkit: { create(data: Buffer): ParsedFont };
}

let kit: Kit | undefined;

/**
 * pdfkit, and fontkit exactly as pdfkit resolves it (pdfkit's own dependency, so the version it
 * expects), loaded on the first card: loading them costs about 0.3 s of CPU, which every start of the
 * service and of the CLI paid, printing or not (the test suite starts them a hundred times).
 */
function pdfKit(): Kit {
  if (!kit) {
    const load = createRequire(__filename);
    kit = {
      PDFDocument: load('pdfkit') as typeof PDFDocumentClass,
      fontkit: createRequire(load.resolve('pdfkit'))('fontkit') as Kit['fontkit'],
    };
  }
  return kit;
}

let fonts: (Fonts & { files: { regular: Buffer; bold: Buffer } }) | undefined;

/** Where the font files are: beside the package's entry point (`dist/` → `fonts/`). */
export function cjkFontPaths(): { regular: string; bold: string } {
  const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return { regular: join(dir, 'NotoSansHans-Regular.otf'), bold: join(dir, 'NotoSansHans-Bold.otf') };
}

/**
 * Read and parsed once per process (about 17 MB), then shared by every card: pdfkit parsed the font
 * again for every card; each card now only builds its own subset (issue 20: PDFs under load).
 */
function loadFonts(): NonNullable<typeof fonts> {
  if (!fonts) {
    const { fontkit } = pdfKit();
    const paths = cjkFontPaths();
    const files = { regular: readFileSync(paths.regular), bold: readFileSync(paths.bold) };
    fonts = { regular: fontkit.create(files.regular), bold: fontkit.create(files.bold), files };
  }
  return fonts;
}

/** The fonts cut to the characters cards print (card-font-subset.ts), each once per process. */
const cutOf = (weight: keyof Fonts) =>
  new CutFont(
    () => loadFonts().files[weight],
    (data) => pdfKit().fontkit.create(data),
  );
const cut = { regular: cutOf('regular'), bold: cutOf('bold') };

/** The cut fonts when they have every character of the card's data, else undefined. */
async function cutFontsFor(characters: string): Promise<Fonts | undefined> {
  const [regular, bold] = await Promise.all([cut.regular.for(characters), cut.bold.for(characters)]);
  return regular && bold ? { regular, bold } : undefined;
}

const FONTS: CardFonts = { regular: 'cjk', bold: 'cjk-bold' };

function newDocument(
  info: PDFKit.DocumentInfo,
  lang: 'zh' | 'en',
  tagged: boolean,
  { regular, bold }: Fonts = loadFonts(),
): PDFKit.PDFDocument {
  const doc = new (pdfKit().PDFDocument)({
    size: 'A4',
    margins: PAGE_MARGIN,
    // Pages are kept until a card is done (its page numbers, "page n of m", are written last),
    // then flushed: a village's cards in one file take the memory of one card.
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged,
    lang: lang === 'en' ? 'en' : 'zh-CN',
    displayTitle: true,
    info: { Creator: 'benefit-linkage-ledger', ...info },
  });
  // pdfkit takes a parsed font as well as a file (PDFFontFactory.open); its types name files only.
  doc.registerFont(FONTS.regular, regular as unknown as Buffer);
  doc.registerFont(FONTS.bold, bold as unknown as Buffer);
  return doc;
}

/**
 * Renders a household's clarity card as a PDF, in fonts cut to its own characters; should it lay out
 * a character the cut missed, again in the whole fonts (card-font-subset.ts).
 */
export async function renderStatementPdf(
  statement: PrintableStatement,
  options: StatementRenderOptions,
): Promise<Buffer> {
  const fonts = await cutFontsFor(cardCharacters(statement, options));
  if (fonts) {
    try {
      return await renderCard(statement, options, fonts);
    } catch (error) {
      if (!(error instanceof OutsideCardText)) throw error;
    }
  }
  return renderCard(statement, options, loadFonts());
}

function renderCard(statement: PrintableStatement, options: StatementRenderOptions, fonts: Fonts): Promise<Buffer> {
  const lang = options.lang ?? 'zh';
  const t = labelsFor(lang);
  const h = statement.household;
  let doc: PDFKit.PDFDocument;
  try {
    doc = newDocument(
      {
        Title: `${t.title} · ${h.headName} · ${h.registrationNo}`,
        Subject: t.subtitle,
        Author: h.headName,
        Keywords: `${t.verification} ${options.verificationCode}`,
        ...(options.issuedAt ? { CreationDate: new Date(options.issuedAt) } : {}),
      },
      lang,
      true,
      fonts,
    );
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const root = doc.struct('Document');
    doc.addStructure(root);
    new CardWriter(doc, root as unknown as CardStructure, taggedStructure(doc), FONTS, statement, options).write();
    root.end();
    doc.end();
  } catch (error) {
    try {
      doc.end();
    } catch {
      // the document is broken already; report the first error
    }
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

/** A card with a line of each kind and every section, printed once to warm up: no one's data. */
const WARM_UP_CARD: PrintableStatement = {
  household: {
    id: 'warm-up',
    registrationNo: '0000000000000',
    headName: '户主',
    village: '村',
    township: '镇',
    county: '县',
  },
  position: 0,
  lines: (['equity', 'lease', 'labour', 'order'] as const).map((form, i) => ({
    paymentId: `warm-up.p${i}`,
    paidOn: '2018-01-01',
    amountFen: 100 * (i + 1),
    form,
    entity: { name: '合作社' },
    period: '2018-H1',
    explanation: '2018年上半年 1,000.00 元',
    reversed: i === 3,
  })),
  contact: { office: '乡村振兴局', phone: '12317', hotline: '12317' },
};

/**
 * The first card a process prints costs seconds, not milliseconds: the fonts are parsed, the glyphs
 * the labels use are read and the shaping code is compiled. The service pays it once as it starts
 * (in the background, after it listens) rather than on the first household asking; 20 clients asking
 * at once then all waited for it (issue 20's p99).
 */
export async function warmUpStatementPdf(): Promise<number> {
  const started = Date.now();
  await renderStatementPdf(WARM_UP_CARD, { verificationCode: '0000-0000-0000' });
  return Date.now() - started;
}

/**
 * pdfkit caches the glyph layout of every run of text it has set, for the document's life: Chinese
 * runs are long and nearly all different (names, amounts), so over a village the cache, not the
 * pages, is what grows. It is only a cache; emptied between cards, memory stays flat.
 */
function forgetLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies;
  for (const font of Object.values(families ?? {}))
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
}

/**
 * Many cards in one PDF, written to `out` as they come (a village's cards for the township to print
 * at once): each card starts on a new page and numbers its own pages. The document is for paper, so
 * it is not tagged (see card-structure.ts): with its pages flushed and its layout cache emptied card
 * by card, what stays in memory is an object number and a page reference per page, about 1 KB a card.
 * One font, subset once over all the cards, is embedded when the document ends.
 */
export class CardsPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly finished: Promise<void>;
  cards = 0;

  constructor(out: Writable, options: { title: string; lang?: 'zh' | 'en' }) {
    this.doc = newDocument({ Title: options.title }, options.lang ?? 'zh', false);
    this.finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.doc.on('error', reject);
    });
    this.doc.pipe(out);
  }

  /** Writes one household's card, and lets its pages go. */
  add(statement: PrintableStatement, options: StatementRenderOptions): void {
    new CardWriter(this.doc, UNTAGGED.root(), UNTAGGED, FONTS, statement, options).write();
    this.doc.flushPages();
    forgetLayouts(this.doc);
    this.cards++;
  }

  /** Ends the document; resolves once `out` has everything. */
  async end(): Promise<void> {
    this.doc.end();
    await this.finished;
  }
}
