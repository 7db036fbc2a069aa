import fc from 'fast-check';
import { isSafeText, textProblem } from './text';

describe('text the ledger keeps', () => {
  it.each(['张三', '桃园村', 'PZ-2018-0012', '重复录入\n已更正', '👨‍🌾 果农', ''])(
    'given %j, then it is text',
    (text) => {
      expect(textProblem(text, { lineBreaks: true })).toBeUndefined();
    },
  );

  it.each([
    ['NUL', 'a\u0000b'],
    ['escape', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['C1', 'a\u0085'],
    ['lone high surrogate', 'a\ud83d'],
    ['lone low surrogate', '\ude00b'],
    ['reversed pair', '\ude00\ud83d'],
  ])('given %s, then it is refused', (_label, text) => {
    expect(textProblem(text, { lineBreaks: true })).toBeDefined();
  });

  it('given a line break, then only free text takes it', () => {
    expect(isSafeText('a\nb')).toBe(false);
    expect(isSafeText('a\nb', { lineBreaks: true })).toBe(true);
    expect(isSafeText('a\tb', { lineBreaks: true })).toBe(false);
  });

  it('given any well-formed string without controls, then it is text; given any string with a NUL, then it is not', () => {
    // eslint-disable-next-line no-control-regex -- control characters are what is filtered out
    const printable = fc.string({ unit: 'grapheme' }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s));
    fc.assert(fc.property(printable, (text) => expect(isSafeText(text)).toBe(true)));
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) =>
        expect(isSafeText(`${a}\u0000${b}`, { lineBreaks: true })).toBe(false),
      ),
    );
  });

  it('given any lone surrogate inside well-formed text, then it is refused', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    const text = fc.string({ unit: 'grapheme-ascii' });
    fc.assert(fc.property(text, surrogate, text, (a, s, b) => expect(isSafeText(a + s + b)).toBe(false)));
  });
});
