import fc from 'fast-check';
import { obligationTotals } from './read-obligations';

const item = fc.record({
  kind: fc.constantFrom('dividend', 'rent', 'guarantee', 'distribution' as const),
  dueFen: fc.integer({ min: 0, max: 1_000_000_000 }),
  paidFen: fc.integer({ min: 0, max: 1_000_000_000 }),
  outstandingFen: fc.integer({ min: 0, max: 1_000_000_000 }),
});

describe('obligation totals', () => {
  it('sum every item, and by kind; the kinds add up to the whole, to the fen', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 200 }), (items) => {
        const totals = obligationTotals(items);
        for (const field of ['dueFen', 'paidFen', 'outstandingFen'] as const) {
          expect(totals[field]).toBe(items.reduce((sum, i) => sum + i[field], 0));
          expect(Object.values(totals.byKind).reduce((sum, k) => sum + k[field], 0)).toBe(totals[field]);
        }
        for (const kind of ['dividend', 'rent', 'guarantee', 'distribution'] as const) {
          const ofKind = items.filter((i) => i.kind === kind);
          expect(totals.byKind[kind].dueFen).toBe(ofKind.reduce((sum, i) => sum + i.dueFen, 0));
        }
      }),
    );
  });
});
