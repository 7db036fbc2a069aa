import { CITY_FIGURES, type CityOp } from './city-plan';
import { cityPhases, wageMonths } from './city-phases';
import { CityRefs } from './city-refs';
import { generateCity } from './generate-city';

const allOps = (city: ReturnType<typeof generateCity>, county?: string): CityOp[] =>
  cityPhases(city, { county }).flatMap((phase) => [...phase.lanes()].flat());

describe('the synthetic city', () => {
  const city = generateCity({ seed: 7, scale: 0.1 });

  it('is the same city for the same seed, payments included, and another for another seed', () => {
    const again = generateCity({ seed: 7, scale: 0.1 });
    expect(again).toEqual(city);
    expect(allOps(again)).toEqual(allOps(city));
    const other = generateCity({ seed: 8, scale: 0.1 });
    expect(other.households.map((h) => h.headName)).not.toEqual(city.households.map((h) => h.headName));
  });

  it('has the brief’s proportions: households, counties, entities, workers, stakes, leases, orders', () => {
    const full = generateCity({ seed: 2017 });
    expect(full.households).toHaveLength(CITY_FIGURES.households);
    expect(new Set(full.households.map((h) => h.county)).size).toBe(4);
    expect(full.entities).toHaveLength(134);
    expect(full.projects).toHaveLength(265);
    expect(full.employments).toHaveLength(3587);
    const share = (n: number) => n / full.households.length;
    expect(share(new Set(full.stakes.map((s) => s.household)).size)).toBeCloseTo(CITY_FIGURES.stakeRate, 1);
    expect(share(full.leases.length)).toBeCloseTo(CITY_FIGURES.leaseRate, 1);
    expect(share(full.orders.length)).toBeCloseTo(CITY_FIGURES.orderRate, 1);
    // Every county has what each kind of linkage needs, and its households are spread evenly.
    for (const county of full.counties) {
      expect(full.households.filter((h) => h.county === county.name).length).toBe(3000);
      expect(full.entities.some((e) => e.county === county.name && e.kind === 'satellite_factory')).toBe(true);
    }
    // Fiscal-fund stakes never exceed what their project disbursed to the entity.
    for (const p of full.projects) {
      for (const d of p.disbursements) {
        const bought = full.stakes
          .filter((s) => s.project === p.key && s.entity === d.entity)
          .reduce((sum, s) => sum + s.principalFen, 0);
        expect(bought).toBeLessThanOrEqual(d.amountFen);
      }
    }
  });

  it('pays three years of monthly wages, half-yearly dividends, yearly rents and purchases', () => {
    const ops = allOps(city);
    const count = (kind: CityOp['op']) => ops.filter((op) => op.op === kind).length;
    const stayed = city.employments.find((e) => !e.endsOn && e.startsOn.endsWith('-01-01'));
    if (stayed) expect(wageMonths(city, stayed)).toHaveLength(36);
    expect(count('payWage')).toBe(city.employments.reduce((n, e) => n + wageMonths(city, e).length, 0));
    expect(count('declare')).toBe(city.declarations.length);
    expect(new Set(city.declarations.map((d) => d.period))).toEqual(
      new Set(['2016-H1', '2016-H2', '2017-H1', '2017-H2', '2018-H1', '2018-H2']),
    );
    expect(count('payPurchase')).toBe(city.orders.length * 6);
    // A few dues are left unpaid, so arrears show.
    expect(count('payRent')).toBeLessThan(city.leases.reduce((n, l) => n + (l.schedule === 'yearly' ? 3 : 6), 0));
    expect(count('payRent')).toBeGreaterThan(0);
  });

  it('puts each lane on one stream and orders phases so that every reference is to an earlier phase', () => {
    const refs = new CityRefs();
    const phases = cityPhases(city);
    expect(phases.map((p) => p.name)).toEqual(['registry', 'projects', 'stakes', 'linkages and payments']);
    for (const phase of phases) {
      let ops = 0;
      for (const lane of phase.lanes()) {
        for (const op of lane) {
          ops++;
          // Resolving a reference throws unless it was recorded in an earlier phase or earlier in this lane.
          const request = refs.request(op);
          if (op.op === 'payWage') expect(request?.path).toMatch(/^\/v1\/employments\/employment-.+\/payments$/);
          const id = `${op.op === 'declare' ? 'dividend' : op.op}-${op.key}`;
          refs.record(op, { id, allocations: [], dues: [] });
        }
      }
      expect(ops).toBe(phase.ops);
    }
  });

  it('loads one county on its own', () => {
    const county = city.counties[1].name;
    const ops = allOps(city, county);
    const households = ops.filter((op) => op.op === 'household');
    expect(households.length).toBe(city.households.filter((h) => h.county === county).length);
    expect(households.every((op) => op.op === 'household' && op.body.county === county)).toBe(true);
  });
  it('spreads a province over a hundred distinct counties, each with what its linkages need', () => {
    const province = generateCity({ seed: 2017, scale: 1, counties: 100 });
    const names = province.counties.map((c) => c.name);
    expect(new Set(names).size).toBe(100);
    expect(names.slice(0, 4)).toEqual(city.counties.map((c) => c.name)); // the city's own come first
    expect(new Set(province.households.map((h) => h.registrationNo)).size).toBe(province.households.length);
    for (const county of names) {
      expect(province.households.filter((h) => h.county === county)).toHaveLength(120);
      expect(province.entities.some((e) => e.county === county && e.kind === 'satellite_factory')).toBe(true);
    }
    expect(() => generateCity({ counties: 109 })).toThrow('counties must be a whole number from 1 to 108');
  });
});
