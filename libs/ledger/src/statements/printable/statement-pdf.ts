import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatYuan } from '../../shared/money';
import { STATEMENT_FORMS, statementTotals, type PrintableLine, type PrintableStatement } from './printable-statement';
import { reversalReasonToShow, type StatementRenderOptions } from './statement-html';
import { qrMatrix } from './statement-qr';
import { addressOf, instantInChina, labelsFor, periodOf, type StatementLabels } from './statement-labels';

/**
 * The clarity card as a PDF: A4, the same content as the HTML, real text in an embedded font so it
 * can be searched, copied and read aloud, tagged for screen readers.
 *
 * The font is Noto Sans Hans (Noto Sans CJK, Simplified Chinese: the GB 18030 repertoire with
 * CJK Extension A, and Latin), shipped in the npm package `@embedpdf/fonts-sc` under the SIL Open
 * Font License, so the card renders the same on every machine without system fonts. Only the
 * glyphs used are embedded.
 */

/** A font as fontkit parsed it; pdfkit embeds (and subsets) such an object as it does a file. */
type ParsedFont = { layout: (...args: unknown[]) => unknown };

interface Fonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

/**
 * fontkit exactly as pdfkit resolves it (pdfkit's own dependency, so the same version it expects).
 * Parsing the 17 MB CJK font was done by pdfkit for every card; parsed once here and shared, each
 * card only builds its own subset (issue 20: PDFs under load).
 */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): ParsedFont };

let fonts: Fonts | undefined;

/** Where the font files are: beside the package's entry point (`dist/` → `fonts/`). */
export function cjkFontPaths(): { regular: string; bold: string } {
  const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return { regular: join(dir, 'NotoSansHans-Regular.otf'), bold: join(dir, 'NotoSansHans-Bold.otf') };
}

/** Read and parsed once per process (about 17 MB), then shared by every card. */
function loadFonts(): Fonts {
  if (!fonts) {
    const paths = cjkFontPaths();
    fonts = { regular: fontkit.create(readFileSync(paths.regular)), bold: fontkit.create(readFileSync(paths.bold)) };
  }
  return fonts;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 40, bottom: 58, left: 40, right: 40 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Lowest y content may reach; the footer lives below. */
const BOTTOM = PAGE.height - MARGIN.bottom;

const COLOR = {
  text: '#1a1a1a',
  muted: '#666666',
  faint: '#888888',
  red: '#b22222',
  rule: '#d8d2c4',
  head: '#efe9dc',
  soft: '#faf8f3',
  reversed: '#f4f4f4',
};

const REGULAR = 'cjk';
const BOLD = 'cjk-bold';

/** Table columns: widths add up to the content width; the explanation takes what is left. */
const COLUMNS = (() => {
  const fixed = { date: 60, form: 50, entity: 88, period: 46, amount: 68 };
  const explanation = WIDTH - Object.values(fixed).reduce((a, b) => a + b, 0);
  const widths = [fixed.date, fixed.form, fixed.entity, fixed.period, fixed.amount, explanation];
  const xs: number[] = [];
  let x = MARGIN.left;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  return { widths, xs };
})();

const PAD_X = 4;
const PAD_Y = 3.5;
const TABLE_SIZE = 8.8;
const SMALL = 7.6;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Renders a household's clarity card as a PDF. */
export function renderStatementPdf(statement: PrintableStatement, options: StatementRenderOptions): Promise<Buffer> {
  const lang = options.lang ?? 'zh';
  const t = labelsFor(lang);
  const h = statement.household;
  const title = `${t.title} · ${h.headName} · ${h.registrationNo}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: lang === 'en' ? 'en' : 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Subject: t.subtitle,
      Author: h.headName,
      Creator: 'benefit-linkage-ledger',
      Keywords: `${t.verification} ${options.verificationCode}`,
      ...(options.issuedAt ? { CreationDate: new Date(options.issuedAt) } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const { regular, bold } = loadFonts();
    // pdfkit takes a parsed font as well as a file (PDFFontFactory.open); its types name files only.
    doc.registerFont(REGULAR, regular as unknown as Buffer);
    doc.registerFont(BOLD, bold as unknown as Buffer);
    new CardWriter(doc, statement, options, t).write();
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

class CardWriter {
  private y = MARGIN.top;
  private readonly root: Struct;
  private readonly lang: 'zh' | 'en';

  constructor(
    private readonly doc: Doc,
    private readonly statement: PrintableStatement,
    private readonly options: StatementRenderOptions,
    private readonly t: StatementLabels,
  ) {
    this.lang = options.lang ?? 'zh';
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  write(): void {
    this.doc.addPage();
    this.titleBlock();
    this.facts();
    this.summary();
    this.lines();
    this.verification();
    this.root.end();
    this.footers();
  }

  // ---- drawing helpers -------------------------------------------------------------------------

  /** Tagged content: `draw` runs inside a structure element of type `tag` attached to `parent`. */
  private tagged(tag: string, draw: () => void, parent: Struct = this.root): void {
    parent.add(this.doc.struct(tag, {}, draw));
  }

  /** Decoration (rules, shading, repeated headers): marked as an artifact, skipped by screen readers. */
  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private font(bold: boolean, size: number, color = COLOR.text): Doc {
    return this.doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(color);
  }

  private heightOf(text: string, width: number, bold: boolean, size: number): number {
    this.font(bold, size);
    return this.doc.heightOfString(text, { width, lineGap: 1 });
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
    this.continuationHeader();
  }

  /** Makes room for `height`, on a new page if need be. */
  private ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.newPage();
    return true;
  }

  // ---- blocks ----------------------------------------------------------------------------------

  private titleBlock(): void {
    const { doc, t } = this;
    this.tagged('H1', () => {
      this.font(true, 22, COLOR.red).text(t.title, MARGIN.left, this.y, {
        width: WIDTH / 2,
        characterSpacing: this.lang === 'zh' ? 3 : 0.5,
        lineBreak: false,
      });
    });
    // The code is also in the top corner: what a clerk looks for first.
    this.tagged('P', () => {
      this.font(false, 8, COLOR.muted).text(t.verification, MARGIN.left + WIDTH / 2, this.y + 1, {
        width: WIDTH / 2,
        align: 'right',
      });
      this.font(true, 12).text(this.options.verificationCode, MARGIN.left + WIDTH / 2, this.y + 11, {
        width: WIDTH / 2,
        align: 'right',
        characterSpacing: 1,
      });
    });
    this.y += 32;
    this.tagged('P', () => {
      this.font(false, 9, COLOR.muted).text(t.subtitle, MARGIN.left, this.y, { width: WIDTH });
    });
    this.y += 16;
    this.artifact(() => {
      doc.lineWidth(0.8).strokeColor(COLOR.red);
      doc
        .moveTo(MARGIN.left, this.y)
        .lineTo(MARGIN.left + WIDTH, this.y)
        .stroke();
      doc
        .moveTo(MARGIN.left, this.y + 2.5)
        .lineTo(MARGIN.left + WIDTH, this.y + 2.5)
        .stroke();
    });
    this.y += 12;
  }

  private facts(): void {
    const { t, statement, options, lang } = this;
    const h = statement.household;
    const pairs: [string, string][] = [
      [t.headName, h.headName],
      [t.registrationNo, h.registrationNo],
      [t.address, addressOf(h, lang)],
      [t.period, periodOf(statement, lang)],
    ];
    if (statement.asOf) pairs.push([t.asOf, instantInChina(statement.asOf, lang)]);
    pairs.push([t.position, String(statement.position)]);
    if (options.issuedAt) pairs.push([t.issuedAt, instantInChina(options.issuedAt, lang)]);

    const colWidth = WIDTH / 2;
    const labelWidth = lang === 'en' ? 92 : 70;
    for (let i = 0; i < pairs.length; i += 2) {
      const row = pairs.slice(i, i + 2);
      let rowHeight = 0;
      row.forEach(([label, value], j) => {
        const x = MARGIN.left + j * colWidth;
        const valueWidth = colWidth - labelWidth - 8;
        const height = Math.max(this.heightOf(value, valueWidth, true, 10), 12);
        rowHeight = Math.max(rowHeight, height);
        this.tagged('P', () => {
          this.font(false, 9, COLOR.muted).text(label, x, this.y + 1, { width: labelWidth, lineBreak: false });
          this.font(true, 10).text(value, x + labelWidth, this.y, { width: valueWidth, lineGap: 1 });
        });
      });
      this.y += rowHeight + 5;
    }
    this.y += 6;
  }

  private summary(): void {
    const { doc, t } = this;
    const totals = statementTotals(this.statement.lines);
    const gap = 6;
    const boxes = [
      ...STATEMENT_FORMS.map((form) => ({ label: t.forms[form], fen: totals.byForm[form], grand: false })),
      { label: t.totalYuan, fen: totals.totalFen, grand: true },
    ];
    const boxWidth = (WIDTH - gap * (boxes.length - 1)) / boxes.length;
    const boxHeight = 38;
    boxes.forEach((box, i) => {
      const x = MARGIN.left + i * (boxWidth + gap);
      this.artifact(() => {
        doc
          .lineWidth(box.grand ? 1.2 : 0.6)
          .rect(x, this.y, boxWidth, boxHeight)
          .fillAndStroke(box.grand ? '#fff5f3' : COLOR.soft, box.grand ? COLOR.red : COLOR.rule);
      });
      this.tagged('P', () => {
        this.font(false, 8, COLOR.muted).text(box.label, x + 6, this.y + 5, {
          width: boxWidth - 12,
          lineBreak: false,
        });
        this.font(true, box.grand ? 13 : 11.5, box.grand ? COLOR.red : COLOR.text).text(
          formatYuan(box.fen),
          x + 6,
          this.y + (box.grand ? 17 : 18.5),
          { width: boxWidth - 12, lineBreak: false },
        );
      });
    });
    this.y += boxHeight + 6;
    this.tagged('P', () => {
      this.font(false, 8.5, COLOR.muted).text(t.counts(totals.counted, totals.reversed), MARGIN.left, this.y, {
        width: WIDTH,
      });
    });
    this.y += 16;
  }

  private headerCells(): string[] {
    const { t } = this;
    return [t.paidOn, t.form, t.entity, t.periodPaid, t.amount, t.explanation];
  }

  /** The table's header row; tagged the first time, an artifact when repeated on a new page. */
  private tableHeader(table?: Struct): void {
    const { doc } = this;
    const cells = this.headerCells();
    const height =
      Math.max(...cells.map((c, i) => this.heightOf(c, COLUMNS.widths[i] - 2 * PAD_X, true, 8.5))) + 2 * PAD_Y;
    this.artifact(() => {
      doc.rect(MARGIN.left, this.y, WIDTH, height).fill(COLOR.head);
      this.gridRow(height);
    });
    const cell = (c: string, i: number) => {
      this.font(true, 8.5).text(c, COLUMNS.xs[i] + PAD_X, this.y + PAD_Y, {
        width: COLUMNS.widths[i] - 2 * PAD_X,
        align: i === 4 ? 'right' : 'left',
        lineGap: 1,
      });
    };
    if (table) {
      const row = doc.struct('TR');
      table.add(row);
      cells.forEach((c, i) => row.add(doc.struct('TH', {}, () => cell(c, i))));
      row.end();
    } else {
      this.artifact(() => cells.forEach(cell), 'Pagination');
    }
    this.y += height;
  }

  private gridRow(height: number): void {
    const { doc } = this;
    doc.lineWidth(0.5).strokeColor(COLOR.rule);
    doc.rect(MARGIN.left, this.y, WIDTH, height).stroke();
    for (const x of COLUMNS.xs.slice(1))
      doc
        .moveTo(x, this.y)
        .lineTo(x, this.y + height)
        .stroke();
  }

  private lines(): void {
    const { doc, t, statement } = this;
    if (!statement.lines.length) {
      this.tagged('P', () => {
        this.font(false, 10, COLOR.muted).text(t.noLines, MARGIN.left, this.y + 6, { width: WIDTH, align: 'center' });
      });
      this.y += 30;
      return;
    }
    const table = doc.struct('Table');
    this.root.add(table);
    this.ensure(60);
    this.tableHeader(table);
    for (const line of statement.lines) this.lineRow(line, table);
    this.totalRow(table);
    table.end();
  }

  private explanationParts(line: PrintableLine): { text: string; size: number; color: string; bold: boolean }[] {
    const { t } = this;
    const parts: { text: string; size: number; color: string; bold: boolean }[] = [];
    if (line.reversed) {
      parts.push({ text: t.reversedMark, size: SMALL, color: COLOR.red, bold: true });
      const reason = reversalReasonToShow(line);
      if (reason) parts.push({ text: t.reversalReason(reason), size: SMALL, color: COLOR.red, bold: false });
    }
    parts.push({
      text: line.explanation,
      size: TABLE_SIZE - 0.6,
      color: line.reversed ? COLOR.faint : '#333333',
      bold: false,
    });
    return parts;
  }

  private lineRow(line: PrintableLine, table: Struct): void {
    const { doc, t } = this;
    const cells = [
      line.paidOn,
      t.forms[line.form],
      line.entity?.name ?? t.noEntity,
      line.period ?? '—',
      formatYuan(line.amountFen),
    ];
    const parts = this.explanationParts(line);
    const explanationWidth = COLUMNS.widths[5] - 2 * PAD_X;
    const cellHeights = cells.map((c, i) => this.heightOf(c, COLUMNS.widths[i] - 2 * PAD_X, i === 4, TABLE_SIZE));
    const partsHeight = parts.reduce((sum, p) => sum + this.heightOf(p.text, explanationWidth, p.bold, p.size) + 1, 0);
    const height = Math.max(...cellHeights, partsHeight) + 2 * PAD_Y;
    if (this.ensure(height)) this.tableHeader();

    this.artifact(() => {
      if (line.reversed) doc.rect(MARGIN.left, this.y, WIDTH, height).fill(COLOR.reversed);
      this.gridRow(height);
    });
    const row = doc.struct('TR');
    table.add(row);
    const color = line.reversed ? COLOR.faint : COLOR.text;
    cells.forEach((c, i) => {
      row.add(
        doc.struct('TD', {}, () => {
          this.font(i === 4, TABLE_SIZE, color).text(c, COLUMNS.xs[i] + PAD_X, this.y + PAD_Y, {
            width: COLUMNS.widths[i] - 2 * PAD_X,
            align: i === 4 ? 'right' : 'left',
            lineGap: 1,
            strike: line.reversed && (i === 0 || i === 4),
          });
        }),
      );
    });
    row.add(
      doc.struct('TD', {}, () => {
        let y = this.y + PAD_Y;
        for (const p of parts) {
          this.font(p.bold, p.size, p.color).text(p.text, COLUMNS.xs[5] + PAD_X, y, {
            width: explanationWidth,
            lineGap: 1,
          });
          y += this.heightOf(p.text, explanationWidth, p.bold, p.size) + 1;
        }
      }),
    );
    row.end();
    this.y += height;
  }

  private totalRow(table: Struct): void {
    const { doc, t } = this;
    const totals = statementTotals(this.statement.lines);
    const counts = t.counts(totals.counted, totals.reversed);
    const height = Math.max(this.heightOf(counts, COLUMNS.widths[5] - 2 * PAD_X, false, 8), 12) + 2 * PAD_Y + 2;
    if (this.ensure(height)) this.tableHeader();
    this.artifact(() => {
      doc.rect(MARGIN.left, this.y, WIDTH, height).fill(COLOR.soft);
      doc.lineWidth(0.5).strokeColor(COLOR.rule).rect(MARGIN.left, this.y, WIDTH, height).stroke();
      doc.lineWidth(1).strokeColor(COLOR.text);
      doc
        .moveTo(MARGIN.left, this.y)
        .lineTo(MARGIN.left + WIDTH, this.y)
        .stroke();
    });
    const row = doc.struct('TR');
    table.add(row);
    row.add(
      doc.struct('TD', {}, () => {
        this.font(true, 10).text(t.total, COLUMNS.xs[0] + PAD_X, this.y + PAD_Y + 1, { width: 200, lineBreak: false });
      }),
    );
    row.add(
      doc.struct('TD', {}, () => {
        this.font(true, 10, COLOR.red).text(formatYuan(totals.totalFen), COLUMNS.xs[4], this.y + PAD_Y + 1, {
          width: COLUMNS.widths[4] - PAD_X,
          align: 'right',
          lineBreak: false,
        });
      }),
    );
    row.add(
      doc.struct('TD', {}, () => {
        this.font(false, 8, COLOR.muted).text(counts, COLUMNS.xs[5] + PAD_X, this.y + PAD_Y + 1.5, {
          width: COLUMNS.widths[5] - 2 * PAD_X,
          lineGap: 1,
        });
      }),
    );
    row.end();
    this.y += height;
  }

  private verification(): void {
    const { doc, t, options } = this;
    const codeWidth = 170;
    const textWidth = WIDTH - codeWidth - 30;
    // Non-breaking hyphens keep the code on one line inside the paragraph.
    const how = t.howToVerify(options.verificationCode.replace(/-/g, '\u2011'), options.verifyUrl);
    const height = Math.max(this.heightOf(how, textWidth, false, 8.2), 34) + 18;
    this.y += 16;
    if (this.ensure(height + 30)) this.y += 4;
    const top = this.y;
    this.artifact(() => {
      doc.lineWidth(1.4).strokeColor(COLOR.text).rect(MARGIN.left, top, WIDTH, height).stroke();
    });
    this.tagged('P', () => {
      this.font(false, 8.5, COLOR.muted).text(t.verification, MARGIN.left + 12, top + 9, {
        width: codeWidth,
        lineBreak: false,
      });
      this.font(true, 17).text(options.verificationCode, MARGIN.left + 12, top + 22, {
        width: codeWidth,
        characterSpacing: 1.5,
        lineBreak: false,
      });
    });
    this.tagged('P', () => {
      this.font(false, 8.2, '#333333').text(how, MARGIN.left + codeWidth + 18, top + 9, {
        width: textWidth,
        lineGap: 1,
      });
    });
    this.y = top + height + 10;
    if (options.phoneLink) this.phoneLink(options.phoneLink);
    this.tagged('P', () => {
      this.font(false, 8, COLOR.muted).text(t.footer, MARGIN.left, this.y, { width: WIDTH });
    });
    this.y += 14;
  }

  /** The household's phone link as a QR code (drawn module by module), with what it does and until when. */
  private phoneLink(link: { url: string; expiresOn: string }): void {
    const { doc, t } = this;
    const matrix = qrMatrix(link.url);
    const side = 92; // points: about 32 mm, comfortably scanned from paper
    const cell = side / (matrix.length + 8);
    const textWidth = WIDTH - side - 30;
    const help = t.phoneLinkHelp(link.expiresOn);
    const height = Math.max(side, this.heightOf(help, textWidth, false, 8.5) + 26) + 12;
    if (this.ensure(height + 10)) this.y += 4;
    const top = this.y;
    this.artifact(() => {
      doc.lineWidth(0.6).strokeColor('#d8d2c4').rect(MARGIN.left, top, WIDTH, height).stroke();
      doc.fillColor('#000000');
      matrix.forEach((cells, row) =>
        cells.forEach((dark, col) => {
          if (dark) doc.rect(MARGIN.left + 6 + (col + 4) * cell, top + 6 + (row + 4) * cell, cell, cell);
        }),
      );
      doc.fill('#000000');
    });
    this.tagged('H2', () => {
      this.font(true, 11).text(t.phoneLinkTitle, MARGIN.left + side + 18, top + 10, {
        width: textWidth,
        lineBreak: false,
      });
    });
    this.tagged('P', () => {
      this.font(false, 8.5, '#333333').text(help, MARGIN.left + side + 18, top + 28, { width: textWidth, lineGap: 1 });
    });
    this.y = top + height + 10;
  }

  /** On every page after the first: who the card is for, and its code, above the table's header. */
  private continuationHeader(): void {
    const { t, statement, options } = this;
    const h = statement.household;
    this.artifact(() => {
      this.font(true, 11, COLOR.red).text(`${t.title}${t.continued}`, MARGIN.left, this.y, {
        width: WIDTH / 2,
        lineBreak: false,
      });
      this.font(false, 8.5, COLOR.muted).text(
        `${t.headName} ${h.headName} · ${t.registrationNo} ${h.registrationNo} · ${t.verification} ${options.verificationCode}`,
        MARGIN.left + WIDTH * 0.3,
        this.y + 2.5,
        { width: WIDTH * 0.7, align: 'right', lineBreak: false },
      );
      this.doc.lineWidth(0.6).strokeColor(COLOR.red);
      this.doc
        .moveTo(MARGIN.left, this.y + 18)
        .lineTo(MARGIN.left + WIDTH, this.y + 18)
        .stroke();
    }, 'Pagination');
    this.y += 26;
  }

  /** Page numbers and the ledger position at the foot of every page. */
  private footers(): void {
    const { doc, t, statement } = this;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the bottom margin must not start a new page
      const y = PAGE.height - 40;
      this.artifact(() => {
        doc.lineWidth(0.5).strokeColor(COLOR.rule);
        doc
          .moveTo(MARGIN.left, y - 6)
          .lineTo(MARGIN.left + WIDTH, y - 6)
          .stroke();
        this.font(false, 7.5, COLOR.muted).text(
          `${t.position} ${statement.position} · ${t.verification} ${this.options.verificationCode}`,
          MARGIN.left,
          y,
          { width: WIDTH * 0.7, lineBreak: false },
        );
        this.font(false, 7.5, COLOR.muted).text(t.page(i + 1, range.count), MARGIN.left + WIDTH * 0.7, y, {
          width: WIDTH * 0.3,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      doc.page.margins.bottom = bottom;
    }
  }
}
