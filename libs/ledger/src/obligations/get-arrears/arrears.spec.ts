import fc from 'fast-check';
import { arrearsList, entityArrears } from './arrears';

const farm = { id: 'entity-00000000-0000-5000-8000-00000000000e', name: '石头村养牛合作社', township: '城关镇' };
const mill = { id: 'entity-00000000-0000-5000-8000-00000000000f', name: '桃园村加工厂', township: '温泉镇' };
const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const item = (householdId: string, dueFen: number, paidFen: number) => ({
  householdId,
  dueFen,
  paidFen,
  outstandingFen: Math.max(0, dueFen - paidFen),
});

describe('the county’s arrears by entity', () => {
  it('sums an entity’s items and counts only the households still owed something', () => {
    expect(
      entityArrears(farm, [item(zhang, 2_000_00, 2_000_00), item(li, 2_000_00, 500_00), item(li, 1_000_00, 0)]),
    ).toEqual({
      entity: farm,
      households: 1,
      dueFen: 5_000_00,
      paidFen: 2_500_00,
      outstandingFen: 2_500_00,
    });
  });

  it('does not count a village collective as a household', () => {
    const collective = 'entity-00000000-0000-5000-8000-0000000000cc';
    expect(entityArrears(farm, [item(collective, 500_00, 0)]).households).toBe(0);
  });

  it('lists only entities with something outstanding, largest first, and totals them', () => {
    const paidUp = entityArrears(farm, [item(zhang, 100, 100)]);
    const owing = entityArrears(mill, [item(li, 300, 0)]);
    const list = arrearsList([paidUp, owing, entityArrears(farm, [item(zhang, 900, 100)])]);
    expect(list.entities.map((e) => [e.entity.name, e.outstandingFen])).toEqual([
      ['石头村养牛合作社', 800],
      ['桃园村加工厂', 300],
    ]);
    expect(list.totals).toEqual({ dueFen: 1200, paidFen: 100, outstandingFen: 1100 });
  });

  it('property: the totals are the sums of the listed entities, in descending order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 })), { maxLength: 5 }),
          {
            maxLength: 8,
          },
        ),
        (entities) => {
          const list = arrearsList(
            entities.map((items, i) =>
              entityArrears(
                { ...farm, id: `${farm.id}${i}` },
                items.map(([due, paid]) => item(zhang, due, Math.min(due, paid))),
              ),
            ),
          );
          const outstanding = list.entities.map((e) => e.outstandingFen);
          expect(outstanding).toEqual([...outstanding].sort((a, b) => b - a));
          expect(outstanding.every((o) => o > 0)).toBe(true);
          expect(list.totals.outstandingFen).toBe(outstanding.reduce((a, b) => a + b, 0));
          expect(list.totals.dueFen - list.totals.paidFen).toBe(list.totals.outstandingFen);
        },
      ),
    );
  });
});
