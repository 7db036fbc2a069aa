import type { EntityKind } from '@ledger/ledger/entities/entity.events';
import type { FundSource } from '@ledger/ledger/projects/project.events';
import { addDays } from '@ledger/ledger/primitives/calendar';
import { formatArea } from '@ledger/ledger/primitives/rent';
import type { StakeSource } from '@ledger/ledger/stakes/stake.events';
import {
  CITY_FIGURES,
  type CityOptions,
  type HouseholdSpec,
  type EntitySpec,
  type ProjectSpec,
  type StakeSpec,
  type LeaseSpec,
  type EmploymentSpec,
  type OrderSpec,
  type DeclarationSpec,
  type SyntheticCity,
} from './city-plan';
import {
  countyNames,
  TOWNSHIP_NAMES,
  VILLAGE_STEMS,
  ENTITY_KIND_WEIGHTS,
  ENTITY_SUFFIX,
  INDUSTRY_OF,
  INDUSTRY_ZH,
  STAKE_KINDS,
  LEASE_KINDS,
  EMPLOYER_KINDS,
  BUYER_KINDS,
  PRODUCTS,
  CREDIT_CHARS,
  pad,
  yuan,
  personName,
  spread,
  dateIn,
} from './city-words';
import { Random } from './random';

export function generateCity(options: CityOptions = {}): SyntheticCity {
  const seed = options.seed ?? 2017;
  const scale = options.scale ?? 1;
  const firstYear = options.firstYear ?? 2016;
  const years = options.years ?? 3;
  if (!(scale > 0)) throw new Error('scale must be positive');
  const random = new Random(seed, 'city');
  const F = CITY_FIGURES;

  // Counties, townships, villages.
  const counties = countyNames(options.counties ?? F.counties).map((name, c) => ({
    name,
    townships: Array.from({ length: F.townshipsPerCounty }, (_, t) => ({
      name: TOWNSHIP_NAMES[(c * F.townshipsPerCounty + t) % TOWNSHIP_NAMES.length],
      villages: Array.from(
        { length: F.villagesPerTownship },
        (_, v) => `${VILLAGE_STEMS[(c * 7 + t * F.villagesPerTownship + v) % VILLAGE_STEMS.length]}村`,
      ),
    })),
  }));

  // Households, spread evenly over the villages.
  const households: HouseholdSpec[] = [];
  const householdTotal = Math.max(counties.length, Math.round(F.households * scale));
  const perCounty = spread(householdTotal, counties.length, 1);
  counties.forEach((county, c) => {
    const villages = county.townships.flatMap((t, ti) => t.villages.map((v, vi) => ({ t, ti, v, vi })));
    for (let n = 0; n < perCounty[c]; n++) {
      const { t, ti, v, vi } = villages[n % villages.length];
      households.push({
        key: `h${households.length}`,
        registrationNo: `${pad(c + 1, 2)}${pad(ti + 1, 2)}${pad(vi + 1, 2)}-${pad(n + 1, 6)}`,
        headName: personName(random),
        members: random.int(1, 6),
        village: v,
        township: t.name,
        county: county.name,
        enrolledOn: dateIn(random, 2014, 1, 12),
      });
    }
  });

  // Entities: every county gets its share, at least one of each role it needs.
  const entities: EntitySpec[] = [];
  const entityTotal = Math.max(counties.length * 4, Math.round(F.entities * scale));
  spread(entityTotal, counties.length, 4).forEach((count, c) => {
    const county = counties[c];
    for (let n = 0; n < count; n++) {
      // The first four of a county cover the roles: a cooperative, a company, a satellite factory, a PV station.
      const kind: EntityKind =
        n < 4
          ? (['cooperative', 'company', 'satellite_factory', 'pv_station'] as const)[n]
          : random.weighted(ENTITY_KIND_WEIGHTS);
      const township = county.townships[n % county.townships.length];
      const stem =
        kind === 'village_collective' ? random.pick(township.villages).replace(/村$/, '') : random.pick(VILLAGE_STEMS);
      let code = `93${pad(421100 + c * 10 + (n % 10), 6)}`;
      for (let i = 0; i < 10; i++) code += CREDIT_CHARS[random.int(0, CREDIT_CHARS.length - 1)];
      entities.push({
        key: `e${entities.length}`,
        name: `${county.name.slice(0, 2)}${stem}${ENTITY_SUFFIX[kind]}${n >= 8 ? `（${n + 1}）` : ''}`,
        kind,
        creditCode: code,
        township: township.name,
        county: county.name,
        poolDividends: !(kind === 'pv_station' || kind === 'village_collective'),
      });
    }
  });
  const entitiesIn = (county: string, kinds: EntityKind[]) =>
    entities.filter((e) => e.county === county && kinds.includes(e.kind));

  // Projects: funded from several sources (counties match municipal money 1:1), operated by an
  // entity of the county, most of their money disbursed to it before the stakes are bought.
  const projects: ProjectSpec[] = [];
  const projectTotal = Math.max(counties.length, Math.round(F.projects * scale));
  spread(projectTotal, counties.length, 1).forEach((count, c) => {
    const county = counties[c];
    const operators = entitiesIn(county.name, STAKE_KINDS);
    for (let n = 0; n < count; n++) {
      const operator = operators[n % operators.length];
      const industry = random.pick(INDUSTRY_OF[operator.kind]);
      const key = `p${projects.length}`;
      const funds: ProjectSpec['funds'] = [];
      const receivedOn = dateIn(random, firstYear - 1, 1, 6);
      const add = (source: FundSource, amountYuan: number) =>
        funds.push({
          source,
          amountFen: yuan(amountYuan),
          documentRef: `${county.name.slice(0, 2)}财农〔${firstYear - 1}〕${pad(projects.length * 3 + funds.length + 1, 3)}号`,
          receivedOn,
        });
      add(random.pick(['central', 'provincial'] as const), random.int(20, 200) * 10_000);
      if (random.chance(0.6)) {
        const municipal = random.int(5, 50) * 10_000;
        add('municipal', municipal);
        add('county', municipal);
      }
      if (random.chance(0.3)) add(random.pick(['social', 'credit'] as const), random.int(10, 300) * 10_000);
      const total = funds.reduce((sum, f) => sum + f.amountFen, 0);
      const disbursedOn = addDays(receivedOn, random.int(20, 90));
      projects.push({
        key,
        name: `${county.name}${operator.name.slice(2, 4)}${INDUSTRY_ZH[industry]}扶贫项目（${pad(n + 1, 3)}）`,
        industry,
        county: county.name,
        operator: operator.key,
        funds,
        disbursements: [
          {
            entity: operator.key,
            amountFen: Math.floor((total * random.int(70, 100)) / 100 / 100) * 100,
            purpose: `${INDUSTRY_ZH[industry]}产业建设（资金变股金）`,
            disbursedOn,
          },
        ],
      });
    }
  });
  /** What each project disbursed to each entity and has not yet turned into fiscal-fund stakes. */
  const fiscalRoom = new Map<string, { project: string; room: number }[]>();
  for (const p of projects) {
    for (const d of p.disbursements) {
      const list = fiscalRoom.get(d.entity) ?? [];
      list.push({ project: p.key, room: d.amountFen });
      fiscalRoom.set(d.entity, list);
    }
  }

  // Stakes: most households hold one, some two, in entities of their county (their township first).
  const stakes: StakeSpec[] = [];
  const byEntity = new Map<string, StakeSpec[]>();
  for (const h of households) {
    if (!random.chance(F.stakeRate)) continue;
    const count = random.chance(F.secondStakeRate) ? 2 : 1;
    const candidates = entitiesIn(h.county, STAKE_KINDS);
    const local = candidates.filter((e) => e.township === h.township);
    const chosen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const entity = local.length > 0 && random.chance(0.7) ? random.pick(local) : random.pick(candidates);
      if (chosen.has(entity.key)) continue;
      chosen.add(entity.key);
      let source = random.weighted<StakeSource>({ fiscal_fund: 45, household_loan: 30, land: 15, cash: 10 });
      let principalYuan =
        source === 'fiscal_fund'
          ? random.int(30, 100) * 100
          : source === 'household_loan'
            ? random.pick([20_000, 30_000, 50_000, 50_000])
            : source === 'land'
              ? random.int(4, 40) * 500
              : random.int(10, 50) * 100;
      let project: string | undefined;
      if (source === 'fiscal_fund') {
        const room = (fiscalRoom.get(entity.key) ?? []).find((r) => r.room >= yuan(principalYuan));
        if (room) {
          room.room -= yuan(principalYuan);
          project = room.project;
        } else {
          source = 'household_loan';
          principalYuan = 50_000;
        }
      }
      const guaranteeRate = { fiscal_fund: 10, household_loan: 8, land: 6, cash: entity.poolDividends ? 0 : 5 }[source];
      const stake: StakeSpec = {
        key: `s${stakes.length}`,
        entity: entity.key,
        household: h.key,
        ...(project === undefined ? {} : { project }),
        source,
        principalFen: yuan(principalYuan),
        shares: Math.max(1, Math.round(principalYuan / 100)),
        ...(guaranteeRate > 0 ? { guaranteedYearlyFen: yuan(Math.round((principalYuan * guaranteeRate) / 100)) } : {}),
        startsOn: dateIn(random, firstYear - 1, 3, 12),
        // A guarantee needs a term; ten years, as the demo's leases run, outlasts every payment year.
        ...(guaranteeRate > 0 ? { endsOn: `${firstYear + 9}-12-31` } : {}),
      };
      stakes.push(stake);
      const list = byEntity.get(entity.key) ?? [];
      list.push(stake);
      byEntity.set(entity.key, list);
    }
  }

  // Declarations: every entity with stakes declares each half-year; pool entities split a pool of
  // 3 to 6 % of the principal over the shares, the others pay the guaranteed dividends.
  const declarations: DeclarationSpec[] = [];
  for (const entity of entities) {
    const held = byEntity.get(entity.key);
    if (!held) continue;
    const households = [...new Set(held.map((s) => s.household))];
    const principal = held.reduce((sum, s) => sum + s.principalFen, 0);
    for (let y = firstYear; y < firstYear + years; y++) {
      for (const half of [1, 2] as const) {
        const rate = random.int(30, 60) / 1000;
        declarations.push({
          key: `d${declarations.length}`,
          entity: entity.key,
          period: `${y}-H${half}`,
          declaredOn: half === 1 ? `${y}-07-15` : `${y + 1}-01-15`,
          recordDate: half === 1 ? `${y}-06-30` : `${y}-12-31`,
          ...(entity.poolDividends ? { poolFen: Math.max(100, Math.round((principal * rate) / 2)) } : {}),
          households,
        });
      }
    }
  }

  // Leases: a household leases its land to an entity of its county for ten years.
  const leases: LeaseSpec[] = [];
  for (const h of households) {
    if (!random.chance(F.leaseRate)) continue;
    const entity = random.pick(entitiesIn(h.county, LEASE_KINDS));
    leases.push({
      key: `l${leases.length}`,
      entity: entity.key,
      household: h.key,
      areaMu: formatArea(random.int(50, 500)),
      rentPerMuYearFen: yuan(random.int(40, 100) * 10),
      startsOn: `${firstYear}-01-01`,
      endsOn: `${firstYear + 9}-12-31`,
      schedule: random.chance(0.8) ? 'yearly' : 'half_yearly',
    });
  }

  // Employments: the city's poor workers, one or two per household, in factories and bases.
  const employments: EmploymentSpec[] = [];
  const workerTotal = Math.round(F.workers * scale);
  for (let n = 0; n < workerTotal; n++) {
    const h = households[random.int(0, households.length - 1)];
    const entity = random.pick(entitiesIn(h.county, EMPLOYER_KINDS));
    const daily = random.chance(0.15);
    const startsOn = random.chance(0.7) ? dateIn(random, firstYear, 1, 1) : dateIn(random, firstYear, 2, 12);
    const endsOn = dateIn(random, firstYear + years - 1, 3, 10);
    const leaves = random.chance(0.1) && endsOn > startsOn;
    employments.push({
      key: `w${employments.length}`,
      entity: entity.key,
      household: h.key,
      workerName: random.chance(0.6) ? h.headName : personName(random),
      startsOn,
      wageBasis: daily ? 'daily' : 'monthly',
      rateFen: daily ? yuan(random.int(8, 15) * 10) : yuan(random.int(15, 25) * 100),
      ...(leaves ? { endsOn } : {}),
    });
  }

  // Orders: the entity buys the household's produce at an agreed price for the whole period.
  const orders: OrderSpec[] = [];
  for (const h of households) {
    if (!random.chance(F.orderRate)) continue;
    const entity = random.pick(entitiesIn(h.county, BUYER_KINDS));
    const p = random.pick(PRODUCTS);
    orders.push({
      key: `o${orders.length}`,
      entity: entity.key,
      household: h.key,
      product: p.product,
      unit: p.unit,
      priceFen: random.int(p.priceFen[0], p.priceFen[1]),
      startsOn: `${firstYear}-01-01`,
      endsOn: `${firstYear + years - 1}-12-31`,
    });
  }

  return {
    seed,
    scale,
    firstYear,
    years,
    counties,
    households,
    entities,
    projects,
    stakes,
    declarations,
    leases,
    employments,
    orders,
  };
}

// ---------------------------------------------------------------------------------------------
// Payments of each linkage, drawn lazily
