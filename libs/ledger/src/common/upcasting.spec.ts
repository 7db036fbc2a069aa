import { parseYuanToFen } from '../primitives/money';
import { currentVersion, upcast, type UpcasterRegistry } from './upcasting';

const toFen = (yuan: unknown): number => {
  const parsed = parseYuanToFen(yuan);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.fen;
};

/** A made-up history: WagePaid v1 had `amountYuan` as a string, v2 `amountFen`, v3 added `supplementary`. */
const registry: UpcasterRegistry = {
  WagePaid: [
    { from: 1, up: ({ amountYuan, ...rest }) => ({ ...rest, amountFen: toFen(amountYuan) }) },
    { from: 2, up: (data) => ({ supplementary: false, ...data }) },
  ],
};

describe('upcasting stored events', () => {
  it('brings a version-1 event through every step to the current version', () => {
    expect(upcast(registry, 'WagePaid', { amountYuan: '2000.50', period: '2018-07' }, 1)).toEqual({
      data: { amountFen: 200050, period: '2018-07', supplementary: false },
      version: 3,
    });
  });

  it('applies only the steps after the stored version, and none to current or unknown types', () => {
    expect(upcast(registry, 'WagePaid', { amountFen: 1, period: '2018-07' }, 2).data).toEqual({
      amountFen: 1,
      period: '2018-07',
      supplementary: false,
    });
    expect(upcast(registry, 'WagePaid', { amountFen: 1, supplementary: true }, 3).data).toEqual({
      amountFen: 1,
      supplementary: true,
    });
    expect(upcast(registry, 'RentPaid', { amountFen: 5 }).data).toEqual({ amountFen: 5 });
  });

  it('knows the current version of each type', () => {
    expect(currentVersion(registry, 'WagePaid')).toBe(3);
    expect(currentVersion(registry, 'RentPaid')).toBe(1);
  });
});
