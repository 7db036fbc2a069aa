import { PassThrough } from 'node:stream';
import { fixtureStatement, manyLines } from './statement.fixtures';
import { CardsPdf } from './statement-pdf';
import { pdfText } from './testing/pdf-text';

/**
 * A village's cards in one PDF: correct, in order, one card per household. How memory and time grow
 * over hundreds of cards is measured by the bench (`npm run bench -- --only cards`), not here.
 */
describe('a village of cards in one PDF', () => {
  const households = [
    { registrationNo: '4211240100001', headName: '张三', lines: 6 },
    { registrationNo: '4211240100002', headName: '李四', lines: 40 },
    { registrationNo: '4211240100003', headName: '王五', lines: 0 },
    { registrationNo: '4211240100004', headName: '赵六', lines: 12 },
  ];

  async function printVillage(): Promise<{ pdf: Buffer; cards: number }> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const cards = new CardsPdf(out, { title: '收益明白卡 · 桃园村' });
    for (const [i, h] of households.entries()) {
      const statement = fixtureStatement({ lines: manyLines(h.lines) });
      cards.add(
        { ...statement, household: { ...statement.household, registrationNo: h.registrationNo, headName: h.headName } },
        { verificationCode: `7K3M-9QXP-000${i}`, issuedAt: '2019-01-05T06:03:09.000Z' },
      );
    }
    await cards.end();
    return { pdf: Buffer.concat(chunks), cards: cards.cards };
  }

  it('writes one valid PDF: each card from a new page, in the order given, numbering its own pages', async () => {
    const { pdf, cards } = await printVillage();
    expect(cards).toBe(households.length);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    // One font for the whole file, embedded once, not once per card.
    expect(pdf.toString('latin1').match(/\/FontFile3/g)).toHaveLength(2);

    const { pages } = await pdfText(pdf);
    const squeezed = pages.map((p) => p.replace(/\s+/g, ''));
    // Cards of 6, 0 and 12 lines take a page each; 40 lines take more, each page naming its household.
    const pagesOf = households.map((h) => squeezed.filter((p) => p.includes(h.registrationNo)).length);
    expect(pagesOf[0]).toBe(1);
    expect(pagesOf[1]).toBeGreaterThan(1);
    expect(pagesOf[2]).toBe(1);
    expect(pagesOf[3]).toBe(1);
    expect(pages).toHaveLength(pagesOf.reduce((a, b) => a + b, 0));
    // In registration order: every page belongs to exactly one household, never to an earlier one again.
    const owners = squeezed.map((p) => {
      const owner = households.filter((h) => p.includes(h.registrationNo));
      expect(owner).toHaveLength(1);
      return households.indexOf(owner[0]);
    });
    expect(owners).toEqual([...owners].sort((a, b) => a - b));
    // Each card starts with its title and numbers its own pages, "第 1 页" first.
    for (const [i, h] of households.entries()) {
      const first = squeezed[owners.indexOf(i)];
      expect(first).toContain('收益明白卡');
      expect(first).toContain(h.headName);
      expect(first).toContain(`7K3M-9QXP-000${i}`);
      expect(first).toMatch(/第1页/);
    }
  }, 60_000);
});
