import { formatYuan } from '../../primitives/money';
import { cardContent, type CardContent, type CardLine, type CardYear } from './card-content';
import type { PrintableStatement } from './printable-statement';
import type { StatementRenderOptions } from './statement-html';
import { qrMatrix } from './statement-qr';
import type { CardStructure, CardTags } from './card-structure';

/** A4 in points, and the margins every card page keeps (the footer lives in the bottom one). */
const PAGE = { width: 595.28, height: 841.89 };
export const PAGE_MARGIN = { top: 34, bottom: 46, left: 36, right: 36 };
const LEFT = PAGE_MARGIN.left;
const WIDTH = PAGE.width - PAGE_MARGIN.left - PAGE_MARGIN.right;
/** Lowest y content may reach. */
const BOTTOM = PAGE.height - PAGE_MARGIN.bottom;
/** Kept free under the table on every page, for the "carried forward" row. */
const CARRY_ROW = 15;

const COLOR = {
  text: '#1a1a1a',
  muted: '#5f5f5f',
  faint: '#8a8a8a',
  red: '#b22222',
  rule: '#d8d2c4',
  head: '#efe9dc',
  soft: '#faf8f3',
  year: '#f6f1e6',
  corrected: '#f4f4f4',
};

/**
 * The received table: date (and voucher), form, amount, and the explanation, which names the payer
 * and the period in words: as wide as it can be, so most lines take one row of text.
 */
const COLUMNS = (() => {
  const fixed = [62, 50, 58];
  const widths = [...fixed, WIDTH - fixed.reduce((a, b) => a + b, 0)];
  const xs: number[] = [];
  let x = LEFT;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  return { widths, xs };
})();
const AMOUNT = 2;
const EXPLANATION = 3;

const PAD_X = 4;
const PAD_Y = 2.3;
const TABLE_SIZE = 7.8;
const SMALL = 6.6;

type Doc = PDFKit.PDFDocument;
type Struct = CardStructure;

export interface CardFonts {
  regular: string;
  bold: string;
}

/**
 * Writes one clarity card into a document, from a new page: the household and its totals by form,
 * what it received year by year with subtotals, what it is still owed, what it holds, whom to ask,
 * a box to sign, and the code and QR that check it. A long card turns pages with the household's
 * name, the running total brought forward, and "page n of m" (of this card) on every page.
 */
export class CardWriter {
  private y = PAGE_MARGIN.top;
  private readonly c: CardContent;
  private firstPage = 0;
  /** Counted so far on the pages written, for the totals carried from page to page. */
  private running = 0;
  private inTable = false;

  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
    private readonly tags: CardTags,
    private readonly fonts: CardFonts,
    statement: PrintableStatement,
    private readonly options: StatementRenderOptions,
  ) {
    this.c = cardContent(statement, options.lang ?? 'zh');
  }

  write(): void {
    this.doc.addPage();
    const range = this.doc.bufferedPageRange();
    this.firstPage = range.start + range.count - 1;
    this.titleBlock();
    this.facts();
    this.summary();
    this.received();
    this.owedAndHoldings();
    this.closing();
    this.footers();
  }

  // ---- drawing helpers -------------------------------------------------------------------------

  private tagged(tag: string, draw: () => void, parent: Struct = this.root): void {
    parent.add(this.tags.element(tag, draw));
  }

  /** Decoration (rules, shading, repeated headers): an artifact, skipped by screen readers. */
  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (!this.tags.tagged) return draw();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private font(bold: boolean, size: number, color = COLOR.text): Doc {
    return this.doc
      .font(bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(size)
      .fillColor(color);
  }

  private heightOf(text: string, width: number, bold: boolean, size: number): number {
    this.font(bold, size);
    return this.doc.heightOfString(text, { width, lineGap: 0.8 });
  }

  private rule(y: number, color = COLOR.rule, width = 0.5): void {
    this.doc
      .lineWidth(width)
      .strokeColor(color)
      .moveTo(LEFT, y)
      .lineTo(LEFT + WIDTH, y)
      .stroke();
  }

  /** Makes room for `height`, on a new page if need be; true when a page was turned. */
  private ensure(height: number): boolean {
    const floor = this.inTable ? BOTTOM - CARRY_ROW : BOTTOM;
    if (this.y + height <= floor) return false;
    if (this.inTable) this.carryRow(this.c.t.carriedOver);
    this.doc.addPage();
    this.y = PAGE_MARGIN.top;
    this.continuationHeader();
    if (this.inTable) {
      this.carryRow(this.c.t.carriedForward);
      this.tableHeader();
    }
    return true;
  }

  // ---- the top: who, how much ------------------------------------------------------------------

  private titleBlock(): void {
    const { t, lang } = this.c;
    this.tagged('H1', () => {
      this.font(true, 21, COLOR.red).text(t.title, LEFT, this.y, {
        width: WIDTH / 2,
        characterSpacing: lang === 'zh' ? 3 : 0.5,
        lineBreak: false,
      });
    });
    // The code in the top corner too: what a clerk looks for first. Never broken over two lines.
    this.tagged('P', () => {
      this.font(false, 7.5, COLOR.muted).text(t.verification, LEFT + WIDTH / 2, this.y, {
        width: WIDTH / 2,
        align: 'right',
        lineBreak: false,
      });
      this.font(true, 11.5).text(this.options.verificationCode, LEFT + WIDTH / 2, this.y + 10, {
        width: WIDTH / 2,
        align: 'right',
        characterSpacing: 1,
        lineBreak: false,
      });
    });
    this.y += 27;
    this.tagged('P', () => {
      this.font(false, 8.2, COLOR.muted).text(t.subtitle, LEFT, this.y, { width: WIDTH, lineBreak: false });
    });
    this.y += 12;
    this.artifact(() => {
      this.rule(this.y, COLOR.red, 0.8);
      this.rule(this.y + 2.5, COLOR.red, 0.8);
    });
    this.y += 7;
  }

  private facts(): void {
    const { facts, provenance } = this.c;
    const colWidth = WIDTH / 2;
    const labelWidth = this.c.lang === 'en' ? 92 : 66;
    for (let i = 0; i < facts.length; i += 2) {
      let rowHeight = 0;
      facts.slice(i, i + 2).forEach(([label, value], j) => {
        const x = LEFT + j * colWidth;
        const valueWidth = colWidth - labelWidth - 8;
        rowHeight = Math.max(rowHeight, this.heightOf(value, valueWidth, true, 10), 12);
        this.tagged('P', () => {
          this.font(false, 8.5, COLOR.muted).text(label, x, this.y + 1.2, { width: labelWidth, lineBreak: false });
          this.font(true, 10).text(value, x + labelWidth, this.y, { width: valueWidth, lineGap: 0.8 });
        });
      });
      this.y += rowHeight + 3;
    }
    this.tagged('P', () => {
      this.font(false, 7.2, COLOR.faint).text(provenance, LEFT, this.y, { width: WIDTH, lineBreak: false });
    });
    this.y += 13;
  }

  private summary(): void {
    const { doc } = this;
    const { t, formTotals, totalText } = this.c;
    const gap = 6;
    const boxes = [
      ...formTotals.map((f) => ({ label: f.label, text: f.text, grand: false })),
      { label: t.totalYuan, text: totalText, grand: true },
    ];
    const boxWidth = Math.min(120, (WIDTH - gap * (boxes.length - 1)) / boxes.length);
    const boxHeight = 27;
    boxes.forEach((box, i) => {
      const x = LEFT + i * (boxWidth + gap);
      this.artifact(() => {
        doc
          .lineWidth(box.grand ? 1.2 : 0.6)
          .rect(x, this.y, boxWidth, boxHeight)
          .fillAndStroke(box.grand ? '#fff5f3' : COLOR.soft, box.grand ? COLOR.red : COLOR.rule);
      });
      this.tagged('P', () => {
        this.font(false, 7.4, COLOR.muted).text(box.label, x + 6, this.y + 3, {
          width: boxWidth - 12,
          lineBreak: false,
        });
        this.font(true, box.grand ? 13 : 11, box.grand ? COLOR.red : COLOR.text).text(
          box.text,
          x + 6,
          this.y + (box.grand ? 11.5 : 13),
          { width: boxWidth - 12, lineBreak: false },
        );
      });
    });
    this.y += boxHeight + 6;
  }

  private heading(text: string, aside?: string): void {
    this.ensure(36);
    this.tagged('H2', () => {
      this.font(true, 10.5, COLOR.red).text(text, LEFT, this.y, { width: WIDTH / 2, lineBreak: false });
    });
    if (aside) {
      this.tagged('P', () => {
        this.font(false, 7.8, COLOR.muted).text(aside, LEFT + WIDTH / 2, this.y + 2, {
          width: WIDTH / 2,
          align: 'right',
          lineBreak: false,
        });
      });
    }
    this.y += 14.5;
  }

  // ---- 一、收到的钱 ---------------------------------------------------------------------------------

  private received(): void {
    const { t, years } = this.c;
    this.heading(t.receivedTitle, this.c.counts);
    if (!years.length) {
      this.tagged('P', () => {
        this.font(false, 9.5, COLOR.muted).text(t.noLines, LEFT, this.y + 2, { width: WIDTH, align: 'center' });
      });
      this.y += 22;
      return;
    }
    const table = this.tags.element('Table');
    this.root.add(table);
    this.tableHeader(table);
    this.inTable = true;
    for (const year of years) {
      for (const line of year.lines) this.lineRow(line, table);
      this.yearRow(year, table);
    }
    this.inTable = false;
    this.totalRow(table);
    table.end();
    this.y += 5;
  }

  /** The header row; tagged the first time, an artifact when repeated on a new page. */
  private tableHeader(table?: Struct): void {
    const { t } = this.c;
    const cells = [t.paidOn, t.form, t.amount, t.explanation];
    const height = 13.5;
    this.artifact(() => {
      this.doc.rect(LEFT, this.y, WIDTH, height).fill(COLOR.head);
      this.grid(height);
    });
    const cell = (text: string, i: number) => {
      this.font(true, 7.8).text(text, COLUMNS.xs[i] + PAD_X, this.y + PAD_Y, {
        width: COLUMNS.widths[i] - 2 * PAD_X,
        align: i === AMOUNT ? 'right' : 'left',
        lineBreak: false,
      });
    };
    if (table) {
      const row = this.tags.element('TR');
      table.add(row);
      cells.forEach((c, i) => row.add(this.tags.element('TH', () => cell(c, i))));
      row.end();
    } else {
      this.artifact(() => cells.forEach(cell), 'Pagination');
    }
    this.y += height;
  }

  private grid(height: number, columns = true): void {
    const { doc } = this;
    doc.lineWidth(0.5).strokeColor(COLOR.rule);
    doc.rect(LEFT, this.y, WIDTH, height).stroke();
    if (!columns) return;
    for (const x of COLUMNS.xs.slice(1))
      doc
        .moveTo(x, this.y)
        .lineTo(x, this.y + height)
        .stroke();
  }

  private lineRow(line: CardLine, table: Struct): void {
    const { doc } = this;
    const { t } = this.c;
    const width = (i: number) => COLUMNS.widths[i] - 2 * PAD_X;
    // The voucher number closes the explanation: in a column of its own it would cost a row of text.
    const said = line.reference ? `${line.explanation}（${t.reference} ${line.reference}）` : line.explanation;
    const explanation = line.mark ? `${line.mark}：${said}` : said;
    const height =
      Math.max(
        this.heightOf(line.date, width(0), false, TABLE_SIZE),
        this.heightOf(line.form, width(1), false, TABLE_SIZE),
        this.heightOf(explanation, width(EXPLANATION), false, TABLE_SIZE - 0.4),
      ) +
      2 * PAD_Y;
    this.ensure(height);
    this.artifact(() => {
      if (!line.counted) doc.rect(LEFT, this.y, WIDTH, height).fill(COLOR.corrected);
      this.grid(height);
    });
    const color = line.counted ? COLOR.text : COLOR.faint;
    const row = this.tags.element('TR');
    table.add(row);
    /** A cell's main text, and a smaller second line under it. */
    const cell = (i: number, top: string, below?: string, options: PDFKit.Mixins.TextOptions = {}, bold = false) => {
      this.font(bold, TABLE_SIZE, color).text(top, COLUMNS.xs[i] + PAD_X, this.y + PAD_Y, {
        width: width(i),
        lineGap: 0.8,
        ...options,
      });
      if (below) {
        this.font(false, SMALL, COLOR.muted).text(below, COLUMNS.xs[i] + PAD_X, doc.y, {
          width: width(i),
          lineGap: 0.5,
        });
      }
    };
    row.add(this.tags.element('TD', () => cell(0, line.date)));
    row.add(this.tags.element('TD', () => cell(1, line.form)));
    row.add(
      this.tags.element('TD', () =>
        cell(AMOUNT, line.amountText, undefined, { align: 'right', strike: !line.counted }, true),
      ),
    );
    row.add(
      this.tags.element('TD', () => {
        const x = COLUMNS.xs[EXPLANATION] + PAD_X;
        const size = TABLE_SIZE - 0.4;
        if (line.mark) {
          this.font(true, size, COLOR.red).text(`${line.mark}：`, x, this.y + PAD_Y, {
            width: width(EXPLANATION),
            lineGap: 0.8,
            continued: true,
          });
          this.font(false, size, COLOR.faint).text(said, { lineGap: 0.8 });
        } else {
          this.font(false, size, '#333333').text(said, x, this.y + PAD_Y, {
            width: width(EXPLANATION),
            lineGap: 0.8,
          });
        }
      }),
    );
    row.end();
    if (line.counted) this.running += line.amountFen;
    this.y += height;
  }

  private yearRow(year: CardYear, table: Struct): void {
    const height =
      Math.max(this.heightOf(year.byFormText, COLUMNS.widths[EXPLANATION] - 2 * PAD_X, false, 7.2), 9) + 2 * PAD_Y;
    this.ensure(height);
    this.artifact(() => {
      this.doc.rect(LEFT, this.y, WIDTH, height).fill(COLOR.year);
      this.grid(height, false);
    });
    this.sumRow(table, year.subtotalLabel, year.subtotalText, year.byFormText, 8.4, COLOR.text);
    this.y += height;
  }

  private totalRow(table: Struct): void {
    const height = 16;
    this.ensure(height);
    this.artifact(() => {
      this.doc.rect(LEFT, this.y, WIDTH, height).fill(COLOR.soft);
      this.grid(height, false);
      this.rule(this.y, COLOR.text, 1);
    });
    this.sumRow(table, this.c.t.total, this.c.totalText, this.c.counts, 9.2, COLOR.red);
    this.y += height;
  }

  private sumRow(table: Struct, label: string, amount: string, aside: string, size: number, color: string): void {
    const row = this.tags.element('TR');
    table.add(row);
    row.add(
      this.tags.element('TD', () => {
        this.font(true, size).text(label, COLUMNS.xs[0] + PAD_X, this.y + PAD_Y, { width: 120, lineBreak: false });
      }),
    );
    row.add(
      this.tags.element('TD', () => {
        this.font(true, size, color).text(amount, COLUMNS.xs[AMOUNT], this.y + PAD_Y, {
          width: COLUMNS.widths[AMOUNT] - PAD_X,
          align: 'right',
          lineBreak: false,
        });
      }),
    );
    row.add(
      this.tags.element('TD', () => {
        this.font(false, 7.2, COLOR.muted).text(aside, COLUMNS.xs[EXPLANATION] + PAD_X, this.y + PAD_Y + 0.8, {
          width: COLUMNS.widths[EXPLANATION] - 2 * PAD_X,
          lineGap: 0.5,
        });
      }),
    );
    row.end();
  }

  /** Where a page turns inside the table: the total so far, carried over and brought forward. */
  private carryRow(label: string): void {
    const height = 13;
    this.artifact(() => {
      this.font(true, 8.2, COLOR.muted).text(label, COLUMNS.xs[0] + PAD_X, this.y + 2.5, {
        width: 170,
        lineBreak: false,
      });
      this.font(true, 8.2, COLOR.text).text(formatYuan(this.running), COLUMNS.xs[AMOUNT], this.y + 2.5, {
        width: COLUMNS.widths[AMOUNT] - PAD_X,
        align: 'right',
        lineBreak: false,
      });
      this.rule(this.y + height, COLOR.rule);
    }, 'Pagination');
    this.y += height + 1;
  }

  // ---- 二、还欠您的钱 · 三、您家的产业联结 --------------------------------------------------------

  private owedAndHoldings(): void {
    const { owed, holdings, t } = this.c;
    if (owed) {
      this.heading(t.owedTitle, owed.rows.length ? `${t.owedTotal} ${owed.totalText}` : undefined);
      if (!owed.rows.length) this.note(t.nothingOwed);
      else {
        const cols = t.owedColumns;
        this.smallTable(
          [cols.entity, cols.what, cols.since, cols.due, cols.paid, cols.outstanding],
          [0.34, 0.22, 0.14, 0.1, 0.1, 0.1],
          owed.rows.map((r) => [r.entity, r.what, r.since, r.dueText, r.paidText, r.outstandingText]),
          3,
        );
      }
    }
    if (holdings) {
      this.heading(t.holdingsTitle);
      if (!holdings.length) this.note(t.noHoldings);
      else {
        this.smallTable(
          undefined,
          [0.32, 0.42, 0.26],
          holdings.map((h) => [`【${h.kind}】${h.entity}${h.status ? `（${h.status}）` : ''}`, h.terms, h.term]),
          99,
        );
      }
    }
  }

  private note(text: string): void {
    this.tagged('P', () => {
      this.font(false, 8.5, COLOR.muted).text(text, LEFT, this.y, { width: WIDTH });
    });
    this.y += 16;
  }

  /** A compact table of short rows; columns from `numericFrom` on are amounts (right-aligned). */
  private smallTable(header: string[] | undefined, shares: number[], rows: string[][], numericFrom: number): void {
    const widths = shares.map((s) => s * WIDTH);
    const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const size = 7;
    const table = this.tags.element('Table');
    this.root.add(table);
    const drawRow = (cells: string[], bold: boolean, tag: 'TH' | 'TD') => {
      const height = Math.max(...cells.map((c, i) => this.heightOf(c, widths[i] - 2 * PAD_X, bold, size))) + 2 * 1.8;
      this.ensure(height);
      this.artifact(() => {
        if (bold) this.doc.rect(LEFT, this.y, WIDTH, height).fill(COLOR.head);
        this.rule(this.y + height);
      });
      const row = this.tags.element('TR');
      table.add(row);
      cells.forEach((c, i) =>
        row.add(
          this.tags.element(tag, () => {
            this.font(bold, size, bold ? COLOR.text : '#333333').text(c, xs[i] + PAD_X, this.y + 1.8, {
              width: widths[i] - 2 * PAD_X,
              align: i >= numericFrom ? 'right' : 'left',
              lineGap: 0.5,
            });
          }),
        ),
      );
      row.end();
      this.y += height;
    };
    if (header) drawRow(header, true, 'TH');
    for (const r of rows) drawRow(r, false, 'TD');
    table.end();
    this.y += 5;
  }

  // ---- 四、有疑问找谁 · signature · check ----------------------------------------------------------

  /** The card's last band, kept on one page: contact and hotline, the signature box, the code and QR. */
  private closing(): void {
    const { doc, options } = this;
    const { t, contact } = this.c;
    const qr = options.phoneLink ? qrMatrix(options.phoneLink.url) : undefined;
    // The latest acknowledgement is printed in the signature box it answers; the box grows only if
    // the sentence takes more room than the box has spare (a 12-line card must stay on one page).
    const acknowledged = this.c.acknowledgement;
    const third = (WIDTH - 16) * 0.28;
    const signatureTop = acknowledged
      ? 5 +
        this.heightOf(t.signatureNote, third - 12, false, 7.8) +
        2 +
        this.heightOf(acknowledged, third - 12, true, 7) +
        3
      : 0;
    // The signature may sit a little lower (to 46) before the date line, at 61, has to move down.
    const height = 80 + Math.max(0, Math.ceil(signatureTop) - 46);
    this.ensure(height + 12);
    this.y += 2;
    const top = this.y;
    // The band is known to fit (ensured above): text near the foot must not start a page of its own.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    // Contact, signature and check side by side; the check, with its QR, gets the most room.
    const checkWidth = WIDTH - 16 - 2 * third;
    // Contact: the office, its phone, the hotline.
    let contactBottom = top;
    this.tagged('P', () => {
      const lines = contact
        ? [
            [t.office, contact.office],
            [t.phone, contact.phone],
            [t.hotline, contact.hotline],
          ]
        : [[t.hotline, t.officeUnset]];
      this.font(true, 10.5, COLOR.red).text(t.contactTitle, LEFT, top, { width: third, lineBreak: false });
      let y = top + 16;
      for (const [label, value] of lines) {
        this.font(false, 7.2, COLOR.muted).text(label, LEFT, y, { width: third, lineBreak: false });
        this.font(true, 8.6).text(value, LEFT, y + 8.5, { width: third, lineGap: 0.3 });
        y = doc.y + 2;
      }
      contactBottom = y;
    });
    // The signature box.
    const sx = LEFT + third + 8;
    this.artifact(() => {
      doc
        .lineWidth(0.8)
        .strokeColor(COLOR.text)
        .rect(sx, top, third, height - 4)
        .stroke();
    });
    this.tagged('P', () => {
      this.font(false, 7.8, COLOR.muted).text(t.signatureNote, sx + 6, top + 5, { width: third - 12 });
      if (acknowledged) {
        this.font(true, 7).text(acknowledged, sx + 6, doc.y + 2, { width: third - 12, lineGap: 0.8 });
      }
      this.font(true, 8.5).text(t.signature, sx + 6, Math.max(top + 42, doc.y + 3), { width: third - 12 });
      this.font(false, 8.2, COLOR.muted).text(t.signatureDate, sx + 6, Math.max(top + 61 + height - 80, doc.y + 4), {
        width: third - 12,
        lineBreak: false,
      });
    });
    // The check: the code (never broken) and the QR.
    const cx = LEFT + 2 * (third + 8);
    const side = qr ? 66 : 0;
    const textWidth = checkWidth - side - (qr ? 6 : 0);
    this.artifact(() => {
      doc
        .lineWidth(1.2)
        .strokeColor(COLOR.text)
        .rect(cx, top, checkWidth, height - 4)
        .stroke();
      if (qr) {
        const cell = side / (qr.length + 4);
        doc.fillColor('#000000');
        qr.forEach((cells, r) =>
          cells.forEach((dark, col) => {
            if (dark) doc.rect(cx + checkWidth - side - 2 + (col + 2) * cell, top + 4 + (r + 2) * cell, cell, cell);
          }),
        );
        doc.fill('#000000');
      }
    });
    this.tagged('P', () => {
      this.font(false, 7.5, COLOR.muted).text(t.verification, cx + 6, top + 5, { width: textWidth, lineBreak: false });
      this.font(true, 11).text(options.verificationCode, cx + 6, top + 15, {
        width: textWidth,
        characterSpacing: 0.6,
        lineBreak: false,
      });
      // Non-breaking hyphens keep the code whole inside the sentence too.
      const how = t.howToVerify(options.verificationCode.replace(/-/g, '\u2011'), options.phoneLink?.url);
      this.font(false, 6.4, '#333333').text(how, cx + 6, top + 29, { width: textWidth - 6, lineGap: 0.2 });
      if (options.phoneLink) {
        const help = `${t.phoneLinkTitle}${this.c.lang === 'zh' ? '：' : ': '}${t.phoneLinkHelp(options.phoneLink.expiresOn)}`;
        this.font(false, 6.2, COLOR.muted).text(help, cx + 6, doc.y + 1.5, {
          width: textWidth - 6,
          lineGap: 0.3,
        });
      }
    });
    this.y = Math.max(top + height + 4, contactBottom + 2);
    this.tagged('P', () => {
      this.font(false, 7, COLOR.faint).text(t.footer, LEFT, this.y, { width: WIDTH, lineBreak: false });
    });
    doc.page.margins.bottom = bottomMargin;
    this.y += 10;
  }

  /** Every page after a card's first: who it is for, above the rest. */
  private continuationHeader(): void {
    const { t, who } = this.c;
    this.artifact(() => {
      this.font(true, 10.5, COLOR.red).text(`${t.title}${t.continued}`, LEFT, this.y, {
        width: WIDTH / 2,
        lineBreak: false,
      });
      this.font(false, 8.5, COLOR.muted).text(who, LEFT + WIDTH * 0.3, this.y + 2, {
        width: WIDTH * 0.7,
        align: 'right',
        lineBreak: false,
      });
      this.rule(this.y + 17, COLOR.red, 0.6);
    }, 'Pagination');
    this.y += 24;
  }

  /** This card's pages numbered "page n of m", with the household and the code, at the foot of each. */
  private footers(): void {
    const { doc } = this;
    const { t, who } = this.c;
    const range = doc.bufferedPageRange();
    const last = range.start + range.count - 1;
    const count = last - this.firstPage + 1;
    for (let page = this.firstPage; page <= last; page++) {
      doc.switchToPage(page);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the bottom margin must not start a new page
      const y = PAGE.height - 32;
      this.artifact(() => {
        this.rule(y - 5);
        this.font(false, 7.2, COLOR.muted).text(
          `${who} · ${t.verification} ${this.options.verificationCode}`,
          LEFT,
          y,
          {
            width: WIDTH * 0.75,
            lineBreak: false,
          },
        );
        this.font(false, 7.2, COLOR.muted).text(t.page(page - this.firstPage + 1, count), LEFT + WIDTH * 0.75, y, {
          width: WIDTH * 0.25,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      doc.page.margins.bottom = bottom;
    }
    doc.switchToPage(last);
  }
}
