import fc from 'fast-check';
import { csvCell } from './csv';

describe('csvCell (CSV injection, as OWASP recommends)', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])(
    'given text starting like a formula %j, then it gets a leading quote',
    (text) => {
      expect(csvCell(text)).toBe(`'${text}`);
    },
  );

  it('given numbers and booleans, then they stay as they are (a negative number too)', () => {
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell(200000)).toBe(200000);
    expect(csvCell(true)).toBe(true);
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('given any text, then the cell never starts with a formula character and keeps the text after the quote', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text) as string;
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell === text || cell === `'${text}`).toBe(true);
      }),
    );
  });
});
