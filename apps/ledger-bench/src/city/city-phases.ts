import { purchaseAmountFen } from '@ledger/ledger/orders/quantity';
import { addDays, daysInMonth } from '@ledger/ledger/primitives/calendar';
import {
  CITY_FIGURES,
  type StakeSpec,
  type LeaseSpec,
  type EmploymentSpec,
  type OrderSpec,
  type DeclarationSpec,
  type SyntheticCity,
  type CityOp,
  type CityLane,
  type CityPhase,
} from './city-plan';
import { PRODUCTS, pad, dateIn } from './city-words';
import { Random } from './random';

/** Rent periods of the years covered, in the lease's schedule. */
function rentPeriods(city: SyntheticCity, lease: LeaseSpec): string[] {
  const out: string[] = [];
  for (let y = city.firstYear; y < city.firstYear + city.years; y++) {
    if (lease.schedule === 'yearly') out.push(String(y));
    else if (lease.schedule === 'half_yearly') out.push(`${y}-H1`, `${y}-H2`);
    else out.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`);
  }
  return out;
}

function periodStart(period: string): string {
  const [y, part] = period.split('-');
  if (!part) return `${y}-01-01`;
  if (part === 'H1' || part === 'Q1') return `${y}-01-01`;
  if (part === 'H2' || part === 'Q3') return `${y}-07-01`;
  if (part === 'Q2') return `${y}-04-01`;
  return `${y}-10-01`;
}

/** Months of wages an employment is paid for in the years covered (from its start to its end). */
export function wageMonths(city: SyntheticCity, e: EmploymentSpec): string[] {
  const last = e.endsOn ? e.endsOn.slice(0, 7) : `${city.firstYear + city.years - 1}-12`;
  const months: string[] = [];
  let [y, m] = e.startsOn.slice(0, 7).split('-').map(Number);
  for (;;) {
    const month = `${y}-${pad(m, 2)}`;
    if (month > last) break;
    months.push(month);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/** The month after `month`, 10th day: when the entity pays the wage roster. */
function wagePayday(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-10` : `${y}-${pad(m + 1, 2)}-10`;
}

function employmentLane(city: SyntheticCity, e: EmploymentSpec): CityLane {
  const random = new Random(city.seed, 'wages', e.key);
  const lane: CityLane = [
    {
      op: 'employment',
      key: e.key,
      entity: e.entity,
      household: e.household,
      body: { workerName: e.workerName, startsOn: e.startsOn, wageBasis: e.wageBasis, rateFen: e.rateFen },
    },
  ];
  for (const [i, period] of wageMonths(city, e).entries()) {
    const [y, m] = period.split('-').map(Number);
    const days = e.wageBasis === 'daily' ? random.int(15, Math.min(26, daysInMonth(y, m))) : undefined;
    lane.push({
      op: 'payWage',
      key: `${e.key}.m${i + 1}`,
      employment: e.key,
      body: {
        period,
        amountFen: days === undefined ? e.rateFen : e.rateFen * days,
        paidOn: wagePayday(period),
        ...(days === undefined ? {} : { daysWorked: days }),
        reference: `GZ-${period}-${e.key}`,
      },
    });
  }
  if (e.endsOn) {
    lane.push({
      op: 'endEmployment',
      key: `${e.key}.end`,
      employment: e.key,
      body: { endsOn: e.endsOn, reason: '外出务工' },
    });
  }
  return lane;
}

function leaseLane(city: SyntheticCity, l: LeaseSpec): CityLane {
  const random = new Random(city.seed, 'rents', l.key);
  const { key, entity, household, ...body } = l;
  const lane: CityLane = [{ op: 'lease', key, entity, household, body }];
  for (const [i, period] of rentPeriods(city, l).entries()) {
    if (random.chance(CITY_FIGURES.arrearsRate)) continue;
    lane.push({
      op: 'payRent',
      key: `${key}.r${i + 1}`,
      lease: key,
      body: { period, paidOn: addDays(periodStart(period), random.int(10, 60)), reference: `ZJ-${period}-${key}` },
    });
  }
  return lane;
}

function orderLane(city: SyntheticCity, o: OrderSpec): CityLane {
  const random = new Random(city.seed, 'purchases', o.key);
  const product = PRODUCTS.find((p) => p.product === o.product) ?? PRODUCTS[0];
  const { key, entity, household, ...body } = o;
  const lane: CityLane = [{ op: 'order', key, entity, household, body }];
  let n = 0;
  for (let y = city.firstYear; y < city.firstYear + city.years; y++) {
    // Two deliveries a year: spring and autumn harvests.
    for (const [from, to] of [
      [4, 6],
      [9, 11],
    ]) {
      const deliveredOn = dateIn(random, y, from, to);
      // Quantities with one decimal; the amount is the ledger's own: quantity × price, half-up to the fen.
      const tenths = random.int(product.quantity[0] * 10, product.quantity[1] * 10);
      const digits = String(tenths).padStart(2, '0');
      const quantity = `${digits.slice(0, -1)}${tenths % 10 === 0 ? '' : `.${digits.slice(-1)}`}`;
      lane.push({
        op: 'payPurchase',
        key: `${key}.p${++n}`,
        order: key,
        body: {
          quantity,
          amountFen: Number(purchaseAmountFen(quantity, o.priceFen)),
          deliveredOn,
          paidOn: addDays(deliveredOn, random.int(0, 15)),
          reference: `SG-${deliveredOn}-${key}`,
        },
      });
    }
  }
  return lane;
}

function declarationLane(city: SyntheticCity, d: DeclarationSpec): CityLane {
  const random = new Random(city.seed, 'dividends', d.key);
  const lane: CityLane = [
    {
      op: 'declare',
      key: d.key,
      entity: d.entity,
      body: {
        period: d.period,
        declaredOn: d.declaredOn,
        recordDate: d.recordDate,
        ...(d.poolFen === undefined ? {} : { poolFen: d.poolFen }),
      },
    },
  ];
  for (const household of d.households) {
    if (random.chance(CITY_FIGURES.arrearsRate)) continue;
    lane.push({
      op: 'payDividend',
      key: `${d.key}.${household}`,
      declaration: d.key,
      household,
      body: { paidOn: addDays(d.declaredOn, random.int(3, 30)), reference: `FH-${d.period}-${household}` },
    });
  }
  return lane;
}

export interface PhaseOptions {
  /** Only this county's records (the demo loads one). */
  county?: string;
}

/**
 * The city as phases of independent lanes: the registry; projects with their money; stakes (one
 * lane per entity, since stakes live in the entity's stream); then every linkage with its payments.
 */
export function cityPhases(city: SyntheticCity, options: PhaseOptions = {}): CityPhase[] {
  const county = options.county;
  const householdCounty = new Map(city.households.map((h) => [h.key, h.county]));
  const entityCounty = new Map(city.entities.map((e) => [e.key, e.county]));
  const inCounty = (c: string | undefined) => county === undefined || c === county;
  const households = city.households.filter((h) => inCounty(h.county));
  const entities = city.entities.filter((e) => inCounty(e.county));
  const projects = city.projects.filter((p) => inCounty(p.county));
  const stakes = city.stakes.filter((s) => inCounty(entityCounty.get(s.entity)));
  const declarations = city.declarations.filter((d) => inCounty(entityCounty.get(d.entity)));
  const leases = city.leases.filter((l) => inCounty(householdCounty.get(l.household)));
  const employments = city.employments.filter((e) => inCounty(householdCounty.get(e.household)));
  const orders = city.orders.filter((o) => inCounty(householdCounty.get(o.household)));

  const stakesByEntity = new Map<string, StakeSpec[]>();
  for (const s of stakes) stakesByEntity.set(s.entity, [...(stakesByEntity.get(s.entity) ?? []), s]);

  const countLanes = (lanes: Iterable<CityLane>) => {
    let n = 0;
    for (const lane of lanes) n += lane.length;
    return n;
  };
  const linkageLanes = function* (): Iterable<CityLane> {
    // Interleaved, as clerks would record them: a declaration, some leases, employments, orders...
    const total = Math.max(declarations.length, leases.length, employments.length, orders.length);
    for (let i = 0; i < total; i++) {
      if (i < employments.length) yield employmentLane(city, employments[i]);
      if (i < declarations.length) yield declarationLane(city, declarations[i]);
      if (i < leases.length) yield leaseLane(city, leases[i]);
      if (i < orders.length) yield orderLane(city, orders[i]);
    }
  };

  const registry = function* (): Iterable<CityLane> {
    for (const { key, poolDividends: _, ...body } of entities) yield [{ op: 'entity', key, body }];
    for (const { key, ...body } of households) yield [{ op: 'household', key, body }];
  };
  const projectLanes = function* (): Iterable<CityLane> {
    for (const p of projects) {
      yield [
        {
          op: 'project',
          key: p.key,
          operator: p.operator,
          body: { name: p.name, industry: p.industry, county: p.county },
        },
        ...p.funds.map((body, i): CityOp => ({ op: 'funds', key: `${p.key}.f${i + 1}`, project: p.key, body })),
        ...p.disbursements.map(({ entity, ...body }, i): CityOp => ({
          op: 'disburse',
          key: `${p.key}.d${i + 1}`,
          project: p.key,
          entity,
          body,
        })),
      ];
    }
  };
  const stakeLanes = function* (): Iterable<CityLane> {
    for (const list of stakesByEntity.values()) {
      yield list.map(({ key, entity, household, project, ...body }): CityOp => ({
        op: 'stake',
        key,
        entity,
        household,
        ...(project === undefined ? {} : { project }),
        body,
      }));
    }
  };

  return [
    { name: 'registry', ops: households.length + entities.length, lanes: registry },
    { name: 'projects', ops: countLanes(projectLanes()), lanes: projectLanes },
    { name: 'stakes', ops: stakes.length, lanes: stakeLanes },
    { name: 'linkages and payments', ops: countLanes(linkageLanes()), lanes: linkageLanes },
  ];
}

// ---------------------------------------------------------------------------------------------
// Resolving plan keys to the ledger's ids, for any loader
