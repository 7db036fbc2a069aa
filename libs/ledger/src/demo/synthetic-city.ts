import type { EntityKind } from '../entities/entity.events';
import type { ProjectIndustry, FundSource } from '../projects/project.events';
import type { StakeSource } from '../stakes/stake.events';
import type { WageBasis } from '../employment/employment.events';
import type { RentSchedule } from '../shared/rent';
import { addDays, daysInMonth } from '../shared/calendar';
import { Random } from './random';

/**
 * A synthetic prefecture-level city, from the figures in the domain brief (one city: 11,718 households
 * out of poverty, 134 assistance bases, 265 industrial projects, 3,587 poor workers employed directly,
 * 56.1 % of households with a poverty loan, four to five assistance measures per household), with
 * several years of monthly wages, half-yearly dividends, yearly rents and purchases.
 *
 * Deterministic from `seed`: the registry and the linkages are drawn once, in a fixed order; the
 * payments of each linkage are drawn from a generator seeded by that linkage alone, so they can be
 * produced lazily, lane by lane, without holding the whole city's payments in memory.
 *
 * It feeds `npm run bench` (the full city, written straight through the command handlers) and
 * `npm run demo` (one county, through the public HTTP API).
 */

/** The figures the city is drawn from, at scale 1. */
export const CITY_FIGURES = {
  households: 12_000,
  counties: 4,
  townshipsPerCounty: 5,
  villagesPerTownship: 6,
  entities: 134,
  projects: 265,
  workers: 3_587,
  /** Share of households holding at least one stake (资产收益 / 户贷企用 / 资金变股金). */
  stakeRate: 0.75,
  /** Share of stake holders with a second stake in another entity. */
  secondStakeRate: 0.12,
  /** Share of households leasing land to an entity (土地流转). */
  leaseRate: 0.4,
  /** Share of households selling produce under an order contract (订单). */
  orderRate: 0.3,
  /** Share of dividend payments and rent dues left unpaid (arrears the obligations report shows). */
  arrearsRate: 0.03,
} as const;

export interface CityOptions {
  seed?: number;
  /** 1 is the city of the brief; 0.1 a tenth of it; 10 ten times it. */
  scale?: number;
  /** First calendar year of payments (default 2016). */
  firstYear?: number;
  /** Number of years of payments (default 3). */
  years?: number;
}

export interface HouseholdSpec {
  key: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  enrolledOn: string;
}

export interface EntitySpec {
  key: string;
  name: string;
  kind: EntityKind;
  creditCode: string;
  township: string;
  county: string;
  /** Declares pro-rata dividends from a pool (true) or pays the stakes' guaranteed dividends (false). */
  poolDividends: boolean;
}

export interface ProjectSpec {
  key: string;
  name: string;
  industry: ProjectIndustry;
  county: string;
  operator: string;
  funds: { source: FundSource; amountFen: number; documentRef: string; receivedOn: string }[];
  disbursements: { entity: string; amountFen: number; purpose: string; disbursedOn: string }[];
}

export interface StakeSpec {
  key: string;
  entity: string;
  household: string;
  project?: string;
  source: StakeSource;
  principalFen: number;
  shares: number;
  guaranteedYearlyFen?: number;
  startsOn: string;
  /** A guaranteed stake has a term (a promise is "so much a year for so many years"). */
  endsOn?: string;
}

export interface LeaseSpec {
  key: string;
  entity: string;
  household: string;
  areaMu: string;
  rentPerMuYearFen: number;
  startsOn: string;
  endsOn: string;
  schedule: RentSchedule;
}

export interface EmploymentSpec {
  key: string;
  entity: string;
  household: string;
  workerName: string;
  startsOn: string;
  wageBasis: WageBasis;
  rateFen: number;
  /** Set when the worker left before the end of the period covered. */
  endsOn?: string;
}

export interface OrderSpec {
  key: string;
  entity: string;
  household: string;
  product: string;
  unit: string;
  priceFen: number;
  startsOn: string;
  endsOn: string;
}

export interface DeclarationSpec {
  key: string;
  entity: string;
  period: string;
  declaredOn: string;
  recordDate: string;
  poolFen?: number;
  /** Households holding stakes in the entity on the record date, in stake order. */
  households: string[];
}

/** The registry and every linkage of the city; payments are produced per linkage by `cityPhases`. */
export interface SyntheticCity {
  seed: number;
  scale: number;
  firstYear: number;
  years: number;
  counties: { name: string; townships: { name: string; villages: string[] }[] }[];
  households: HouseholdSpec[];
  entities: EntitySpec[];
  projects: ProjectSpec[];
  stakes: StakeSpec[];
  declarations: DeclarationSpec[];
  leases: LeaseSpec[];
  employments: EmploymentSpec[];
  orders: OrderSpec[];
}

// ---------------------------------------------------------------------------------------------
// Operations: what a clerk would post, with references to earlier records by plan key.

/** A write of the plan, in API terms. Ids of other records are plan keys, resolved by the loader. */
export type CityOp =
  | { op: 'household'; key: string; body: Omit<HouseholdSpec, 'key'> }
  | { op: 'entity'; key: string; body: Omit<EntitySpec, 'key' | 'poolDividends'> }
  | { op: 'project'; key: string; operator: string; body: { name: string; industry: ProjectIndustry; county: string } }
  | { op: 'funds'; key: string; project: string; body: ProjectSpec['funds'][number] }
  | {
      op: 'disburse';
      key: string;
      project: string;
      entity: string;
      body: { amountFen: number; purpose: string; disbursedOn: string };
    }
  | {
      op: 'stake';
      key: string;
      entity: string;
      household: string;
      project?: string;
      body: {
        source: StakeSource;
        principalFen: number;
        shares: number;
        guaranteedYearlyFen?: number;
        startsOn: string;
        endsOn?: string;
      };
    }
  | {
      op: 'declare';
      key: string;
      entity: string;
      body: { period: string; declaredOn: string; recordDate: string; poolFen?: number };
    }
  /** Pays the household everything allocated to it on the declaration. */
  | {
      op: 'payDividend';
      key: string;
      declaration: string;
      household: string;
      body: { paidOn: string; reference: string };
    }
  | {
      op: 'lease';
      key: string;
      entity: string;
      household: string;
      body: Omit<LeaseSpec, 'key' | 'entity' | 'household'>;
    }
  /** Pays the rent due for the period in full. */
  | { op: 'payRent'; key: string; lease: string; body: { period: string; paidOn: string; reference: string } }
  | {
      op: 'employment';
      key: string;
      entity: string;
      household: string;
      body: { workerName: string; startsOn: string; wageBasis: WageBasis; rateFen: number };
    }
  | {
      op: 'payWage';
      key: string;
      employment: string;
      body: { period: string; amountFen: number; paidOn: string; daysWorked?: number; reference: string };
    }
  | { op: 'endEmployment'; key: string; employment: string; body: { endsOn: string; reason: string } }
  | {
      op: 'order';
      key: string;
      entity: string;
      household: string;
      body: Omit<OrderSpec, 'key' | 'entity' | 'household'>;
    }
  | {
      op: 'payPurchase';
      key: string;
      order: string;
      body: { quantity: string; amountFen: number; deliveredOn: string; paidOn: string; reference: string };
    };

/** Writes that must run one after another (they touch the same stream); lanes of a phase are independent. */
export type CityLane = CityOp[];

/** A step of loading: every lane of a phase may run once every earlier phase is done. */
export interface CityPhase {
  name: string;
  /** Number of operations, for progress bars. */
  ops: number;
  lanes(): Iterable<CityLane>;
}

// ---------------------------------------------------------------------------------------------
// Names

const COUNTIES = ['青山县', '桃源县', '清河县', '白石区', '云岭县', '石门县', '凤凰县', '龙泉县'];
const TOWNSHIP_NAMES = [
  '城关镇',
  '温泉镇',
  '石桥镇',
  '柳林乡',
  '双河镇',
  '高山乡',
  '南湖镇',
  '杨柳乡',
  '东岳镇',
  '西河镇',
  '北峰乡',
  '龙港镇',
  '金铺镇',
  '草盘乡',
  '孔坊乡',
  '杨柳湾镇',
  '雷店镇',
  '方家咀乡',
  '陶家河乡',
  '红山镇',
  '大河岸镇',
  '九资河镇',
  '胜利镇',
  '三里畈镇',
  '骆驼坳镇',
  '白莲河乡',
  '匡河镇',
  '平湖乡',
  '河铺镇',
  '八里湾镇',
  '白果镇',
  '凤山镇',
];
const VILLAGE_STEMS = [
  '桃园',
  '杏花',
  '李家',
  '王庄',
  '柳树',
  '石坪',
  '河湾',
  '松林',
  '竹园',
  '枫香',
  '梨树',
  '茶山',
  '龙潭',
  '白沙',
  '新田',
  '马鞍',
  '凤岭',
  '金竹',
  '黄泥',
  '长冲',
  '大垸',
  '小河',
  '鹿鸣',
  '双井',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈';
const GIVEN = '建国秀英桂兰德明志强春花玉梅文华国庆海燕小红金凤永福红梅丽娟长青立新云霞宏伟翠平';

const ENTITY_KIND_WEIGHTS: Record<EntityKind, number> = {
  cooperative: 30,
  company: 20,
  village_collective: 20,
  base: 15,
  satellite_factory: 10,
  pv_station: 5,
};
const ENTITY_SUFFIX: Record<EntityKind, string> = {
  cooperative: '种养专业合作社',
  company: '农业发展有限公司',
  village_collective: '村股份经济合作社',
  base: '扶贫基地',
  satellite_factory: '服装卫星工厂',
  pv_station: '光伏电站',
};
const INDUSTRY_OF: Record<EntityKind, ProjectIndustry[]> = {
  cooperative: ['planting', 'breeding'],
  company: ['processing', 'ecommerce', 'tourism'],
  village_collective: ['tourism', 'planting'],
  base: ['planting', 'breeding'],
  satellite_factory: ['processing'],
  pv_station: ['pv'],
};
const INDUSTRY_ZH: Record<ProjectIndustry, string> = {
  planting: '特色种植',
  breeding: '特色养殖',
  processing: '特色加工',
  tourism: '乡村旅游',
  ecommerce: '电商流通',
  pv: '光伏扶贫',
};
/** Entities that take stakes, lease land, employ, buy produce. */
const STAKE_KINDS: EntityKind[] = ['cooperative', 'company', 'village_collective', 'base', 'pv_station'];
const LEASE_KINDS: EntityKind[] = ['cooperative', 'company', 'base', 'pv_station'];
const EMPLOYER_KINDS: EntityKind[] = ['satellite_factory', 'company', 'base', 'cooperative'];
const BUYER_KINDS: EntityKind[] = ['cooperative', 'company', 'base'];
const PRODUCTS: { product: string; unit: string; priceFen: [number, number]; quantity: [number, number] }[] = [
  { product: '茶叶鲜叶', unit: 'kg', priceFen: [2000, 4000], quantity: [50, 400] },
  { product: '猕猴桃', unit: 'kg', priceFen: [400, 800], quantity: [200, 1500] },
  { product: '土鸡蛋', unit: '枚', priceFen: [100, 150], quantity: [500, 3000] },
  { product: '黄牛', unit: '头', priceFen: [800000, 1200000], quantity: [1, 3] },
  { product: '中药材', unit: 'kg', priceFen: [1500, 3000], quantity: [50, 300] },
  { product: '蔬菜', unit: '斤', priceFen: [80, 200], quantity: [500, 4000] },
];
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const yuan = (n: number) => n * 100;

function personName(random: Random): string {
  const given = random.chance(0.5) ? 2 : 1;
  let name = random.pick([...SURNAMES]);
  for (let i = 0; i < given; i++) name += random.pick([...GIVEN]);
  return name;
}

/** Splits `total` into `parts` near-equal whole counts (at least `min` each). */
function spread(total: number, parts: number, min = 0): number[] {
  const out = Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
  return out.map((n) => Math.max(min, n));
}

function dateIn(random: Random, year: number, fromMonth: number, toMonth: number): string {
  const month = random.int(fromMonth, toMonth);
  return `${year}-${pad(month, 2)}-${pad(random.int(1, daysInMonth(year, month)), 2)}`;
}

// ---------------------------------------------------------------------------------------------
// The city

export function generateCity(options: CityOptions = {}): SyntheticCity {
  const seed = options.seed ?? 2017;
  const scale = options.scale ?? 1;
  const firstYear = options.firstYear ?? 2016;
  const years = options.years ?? 3;
  if (!(scale > 0)) throw new Error('scale must be positive');
  const random = new Random(seed, 'city');
  const F = CITY_FIGURES;

  // Counties, townships, villages.
  const counties = COUNTIES.slice(0, F.counties).map((name, c) => ({
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
      areaMu: (random.int(50, 500) / 100).toFixed(2),
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
      // Quantities with one decimal; the amount is quantity × price rounded half-up to the fen.
      const tenths = random.int(product.quantity[0] * 10, product.quantity[1] * 10);
      const quantity = tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
      lane.push({
        op: 'payPurchase',
        key: `${key}.p${++n}`,
        order: key,
        body: {
          quantity,
          amountFen: Math.floor((tenths * o.priceFen + 5) / 10),
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

/** What a write answered, as far as later operations need it. */
export interface WriteAnswer {
  id: string;
  /** The synthetic city's stakes are all households'; a collective's allocation names `collectiveId`. */
  allocations?: ({ amountFen: number } & ({ householdId: string } | { collectiveId: string }))[];
  dues?: { period: string; amountFen: number }[];
}

/** A write ready to send: the HTTP route and body of the contract. */
export interface CityRequest {
  path: string;
  body: Record<string, unknown>;
}

/**
 * Ids the ledger chose for the plan's records, and what later payments need of earlier answers (the
 * allocations of a declaration, the dues of a lease).
 */
export class CityRefs {
  private readonly ids = new Map<string, string>();
  private readonly allocated = new Map<string, Map<string, number>>();
  private readonly dues = new Map<string, Map<string, number>>();

  id(key: string): string {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`no id yet for ${key}: its phase has not been loaded`);
    return id;
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /** Remembers what a write answered. */
  record(op: CityOp, answer: WriteAnswer): void {
    if (op.op === 'household' || op.op === 'entity' || op.op === 'project') this.ids.set(op.key, answer.id);
    if (op.op === 'employment' || op.op === 'order' || op.op === 'lease' || op.op === 'declare') {
      this.ids.set(op.key, answer.id);
    }
    if (op.op === 'declare') {
      const byHousehold = new Map<string, number>();
      for (const a of answer.allocations ?? []) {
        if (!('householdId' in a)) continue;
        byHousehold.set(a.householdId, (byHousehold.get(a.householdId) ?? 0) + a.amountFen);
      }
      this.allocated.set(op.key, byHousehold);
    }
    if (op.op === 'lease') this.dues.set(op.key, new Map((answer.dues ?? []).map((d) => [d.period, d.amountFen])));
  }

  /** Forgets what only a finished lane needed (a declaration's allocations, a lease's dues). */
  release(key: string): void {
    this.allocated.delete(key);
    this.dues.delete(key);
  }

  /** The request for an operation, or undefined when there is nothing to pay (no allocation, no due). */
  request(op: CityOp): CityRequest | undefined {
    switch (op.op) {
      case 'household':
        return { path: '/v1/households', body: op.body };
      case 'entity':
        return { path: '/v1/entities', body: op.body };
      case 'project':
        return { path: '/v1/projects', body: { ...op.body, operatorId: this.id(op.operator) } };
      case 'funds':
        return { path: `/v1/projects/${this.id(op.project)}/funds`, body: op.body };
      case 'disburse':
        return {
          path: `/v1/projects/${this.id(op.project)}/disbursements`,
          body: { ...op.body, entityId: this.id(op.entity) },
        };
      case 'stake':
        return {
          path: '/v1/stakes',
          body: {
            ...op.body,
            entityId: this.id(op.entity),
            householdId: this.id(op.household),
            ...(op.project === undefined ? {} : { projectId: this.id(op.project) }),
          },
        };
      case 'declare':
        return { path: `/v1/entities/${this.id(op.entity)}/dividends`, body: op.body };
      case 'payDividend': {
        const householdId = this.id(op.household);
        const amountFen = this.allocated.get(op.declaration)?.get(householdId) ?? 0;
        if (amountFen <= 0) return undefined;
        return {
          path: `/v1/dividends/${this.id(op.declaration)}/payments`,
          body: { householdId, amountFen, ...op.body },
        };
      }
      case 'lease':
        return {
          path: '/v1/leases',
          body: { ...op.body, entityId: this.id(op.entity), householdId: this.id(op.household) },
        };
      case 'payRent': {
        const amountFen = this.dues.get(op.lease)?.get(op.body.period) ?? 0;
        if (amountFen <= 0) return undefined;
        return { path: `/v1/leases/${this.id(op.lease)}/payments`, body: { ...op.body, amountFen } };
      }
      case 'employment':
        return {
          path: '/v1/employments',
          body: { ...op.body, entityId: this.id(op.entity), householdId: this.id(op.household) },
        };
      case 'payWage':
        return { path: `/v1/employments/${this.id(op.employment)}/payments`, body: op.body };
      case 'endEmployment':
        return { path: `/v1/employments/${this.id(op.employment)}/end`, body: op.body };
      case 'order':
        return {
          path: '/v1/orders',
          body: { ...op.body, entityId: this.id(op.entity), householdId: this.id(op.household) },
        };
      case 'payPurchase':
        return { path: `/v1/orders/${this.id(op.order)}/payments`, body: op.body };
      default: {
        const unknown: never = op;
        return unknown;
      }
    }
  }
}
