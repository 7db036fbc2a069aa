import fc from 'fast-check';
import { arrearsList, entityArrears } from './arrears';

const farm = { id: 'entity-00000000-0000-5000-8000-00000000000e', name: '石头村养牛合作社', township: '城关镇' };
const mill = { id: 'entity-00000000-0000-5000-8000-00000000000f', name: '桃园村加工厂', township: '温泉镇' };
const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const item = (householdId: string, dueFen: number, paidFen: number, dueOn = '2024-01-31') => ({
  householdId,
  dueOn,
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
      oldestDueOn: '2024-01-31',
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

  it('sorts by name, by oldest due date, and either way round', () => {
    const owing = [
      entityArrears(farm, [item(zhang, 500, 0, '2024-03-31'), item(li, 100, 100, '2023-01-31')]),
      entityArrears(mill, [item(li, 900, 0, '2024-02-29')]),
    ];
    const names = (sort?: string) => arrearsList(owing, sort).entities.map((e) => e.entity.id);
    expect(names()).toEqual([mill.id, farm.id]);
    expect(names('outstanding')).toEqual([farm.id, mill.id]);
    // A paid-up item's date is not the oldest due.
    expect(names('oldestDue')).toEqual([mill.id, farm.id]);
    expect(names('-oldestDue')).toEqual([farm.id, mill.id]);
    expect(names('entity')).toEqual(names('-entity').reverse());
  });

  it('property: every sort lists the same entities and totals, and descending reverses distinct keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1e9 }), { maxLength: 8 }),
        fc.constantFrom('outstanding', 'entity', 'oldestDue'),
        (amounts, key) => {
          const owing = amounts.map((a, i) =>
            entityArrears({ ...farm, id: `${farm.id}${i}`, name: `主体${i}` }, [
              item(zhang, a, 0, `2024-01-${String(10 + i).padStart(2, '0')}`),
            ]),
          );
          const up = arrearsList(owing, key);
          const down = arrearsList(owing, `-${key}`);
          expect(down.entities).toEqual([...up.entities].reverse());
          expect(down.totals).toEqual(up.totals);
        },
      ),
    );
  });
});
