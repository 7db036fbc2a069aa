import { fixtureStatement } from './statement.fixtures';
import { renderStatementPdf } from './statement-pdf';
import { pdfText as textOf } from './testing/pdf-text';

/** The embedded font program's bytes (FontFile3 streams), summed: what the cut saves. */
const fontBytes = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/Subtype \/CIDFontType0C[^>]*\/Length (\d+)/g)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('cards in the font cut to GB 2312 (card-font-subset.ts)', () => {
  it('prints an everyday card from the cut font, smaller, with every character readable', async () => {
    const pdf = await renderStatementPdf(fixtureStatement(), { verificationCode: '7K3M-9QXP-2HDT' });
    const all = squeeze((await textOf(pdf)).text);
    for (const expected of ['收益明白卡', '张三', '6,864.29', '7K3M-9QXP-2HDT']) expect(all).toContain(expected);
    // Cut from the 8 MB font, the embedded program stays small (the whole font's subset was ~100 KB).
    expect(fontBytes(pdf)).toBeGreaterThan(0);
    expect(fontBytes(pdf)).toBeLessThan(90_000);
  });

  it('prints a name with a character outside GB 2312 (龘, 䶮) in the whole font, never as a blank box', async () => {
    const base = fixtureStatement();
    const statement = fixtureStatement({ household: { ...base.household, headName: '龘䶮明' } });
    const pdf = await renderStatementPdf(statement, { verificationCode: '7K3M-9QXP-2HDT' });
    expect(squeeze((await textOf(pdf)).text)).toContain('龘䶮明');
  });
});
