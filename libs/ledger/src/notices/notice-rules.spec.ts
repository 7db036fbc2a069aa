import fc from 'fast-check';
import { maskName, maskRegistrationNo, noticeStatus, windowIsLongEnough } from './notice-rules';

describe('a public notice’s rules', () => {
  it('masks names keeping the first and last characters', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠀋大明')).toBe('𠀋*明');
  });

  it('masks a name to its own length, never showing a middle character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('张', '三', '明', '𠀋', '李'), { minLength: 3, maxLength: 8 }), (chars) => {
        const masked = Array.from(maskName(chars.join('')));
        expect(masked).toHaveLength(chars.length);
        expect(masked.slice(1, -1).every((c) => c === '*')).toBe(true);
      }),
    );
  });

  it('keeps the last 4 digits of a registration number', () => {
    expect(maskRegistrationNo('421126001002003')).toBe('***********2003');
    expect(maskRegistrationNo('HH-0012-3456')).toBe('HH-****-3456');
    expect(maskRegistrationNo('123')).toBe('123');
  });

  it('shows no more than the last 4 digits of a registration number, and keeps its length (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z-]{0,24}$/), (registrationNo) => {
        const masked = maskRegistrationNo(registrationNo);
        expect(masked).toHaveLength(registrationNo.length);
        const shown = Array.from(masked).filter((c) => /\d/.test(c));
        expect(shown.length).toBeLessThanOrEqual(4);
        const digits = Array.from(registrationNo).filter((c) => /\d/.test(c));
        expect(shown).toEqual(digits.slice(Math.max(0, digits.length - 4)));
      }),
    );
  });

  it('runs at least 7 days, both ends included, by China-time date', () => {
    expect(windowIsLongEnough('2018-07-01', '2018-07-07')).toBe(true);
    expect(windowIsLongEnough('2018-07-01', '2018-07-06')).toBe(false);
    expect(windowIsLongEnough('2018-02-25', '2018-03-03')).toBe(true);
    const window = { opensOn: '2018-07-01', closesOn: '2018-07-07' };
    expect(noticeStatus(window, '2018-06-30')).toBe('upcoming');
    expect(noticeStatus(window, '2018-07-01')).toBe('open');
    expect(noticeStatus(window, '2018-07-07')).toBe('open');
    expect(noticeStatus(window, '2018-07-08')).toBe('closed');
  });
});
