import type { EntityKind } from '@ledger/ledger/entities/entity.events';
import type { ProjectIndustry } from '@ledger/ledger/projects/project.events';
import { daysInMonth } from '@ledger/ledger/primitives/calendar';
import { Random } from './random';

/* The words and figures a synthetic city is drawn from: places, names, kinds of entity, products. */

export const COUNTIES = ['青山县', '桃源县', '清河县', '白石区', '云岭县', '石门县', '凤凰县', '龙泉县'];
// A province's further counties: each pair of these once (none begins like a name above).
const COUNTY_FIRST = ['金', '玉', '东', '西', '南', '北', '大', '小', '长', '平'];
const COUNTY_SECOND = ['安', '宁', '丰', '和', '阳', '江', '林', '溪', '川', '原'];
export const MAX_COUNTIES = COUNTIES.length + COUNTY_FIRST.length * COUNTY_SECOND.length;

/** The first `count` county names, all distinct: the city's eight, then a province's. */
export function countyNames(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNTIES)
    throw new Error(`counties must be a whole number from 1 to ${MAX_COUNTIES}`);
  return Array.from({ length: count }, (_, i) => {
    if (i < COUNTIES.length) return COUNTIES[i];
    const j = i - COUNTIES.length;
    return `${COUNTY_FIRST[j % COUNTY_FIRST.length]}${COUNTY_SECOND[Math.floor(j / COUNTY_FIRST.length)]}县`;
  });
}
export const TOWNSHIP_NAMES = [
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
export const VILLAGE_STEMS = [
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
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈';
export const GIVEN = '建国秀英桂兰德明志强春花玉梅文华国庆海燕小红金凤永福红梅丽娟长青立新云霞宏伟翠平';

export const ENTITY_KIND_WEIGHTS: Record<EntityKind, number> = {
  cooperative: 30,
  company: 20,
  village_collective: 20,
  base: 15,
  satellite_factory: 10,
  pv_station: 5,
};
export const ENTITY_SUFFIX: Record<EntityKind, string> = {
  cooperative: '种养专业合作社',
  company: '农业发展有限公司',
  village_collective: '村股份经济合作社',
  base: '扶贫基地',
  satellite_factory: '服装卫星工厂',
  pv_station: '光伏电站',
};
export const INDUSTRY_OF: Record<EntityKind, ProjectIndustry[]> = {
  cooperative: ['planting', 'breeding'],
  company: ['processing', 'ecommerce', 'tourism'],
  village_collective: ['tourism', 'planting'],
  base: ['planting', 'breeding'],
  satellite_factory: ['processing'],
  pv_station: ['pv'],
};
export const INDUSTRY_ZH: Record<ProjectIndustry, string> = {
  planting: '特色种植',
  breeding: '特色养殖',
  processing: '特色加工',
  tourism: '乡村旅游',
  ecommerce: '电商流通',
  pv: '光伏扶贫',
};
/** Entities that take stakes, lease land, employ, buy produce. */
export const STAKE_KINDS: EntityKind[] = ['cooperative', 'company', 'village_collective', 'base', 'pv_station'];
export const LEASE_KINDS: EntityKind[] = ['cooperative', 'company', 'base', 'pv_station'];
export const EMPLOYER_KINDS: EntityKind[] = ['satellite_factory', 'company', 'base', 'cooperative'];
export const BUYER_KINDS: EntityKind[] = ['cooperative', 'company', 'base'];
export const PRODUCTS: { product: string; unit: string; priceFen: [number, number]; quantity: [number, number] }[] = [
  { product: '茶叶鲜叶', unit: 'kg', priceFen: [2000, 4000], quantity: [50, 400] },
  { product: '猕猴桃', unit: 'kg', priceFen: [400, 800], quantity: [200, 1500] },
  { product: '土鸡蛋', unit: '枚', priceFen: [100, 150], quantity: [500, 3000] },
  { product: '黄牛', unit: '头', priceFen: [800000, 1200000], quantity: [1, 3] },
  { product: '中药材', unit: 'kg', priceFen: [1500, 3000], quantity: [50, 300] },
  { product: '蔬菜', unit: '斤', priceFen: [80, 200], quantity: [500, 4000] },
];
export const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const yuan = (n: number) => n * 100;

export function personName(random: Random): string {
  const given = random.chance(0.5) ? 2 : 1;
  let name = random.pick([...SURNAMES]);
  for (let i = 0; i < given; i++) name += random.pick([...GIVEN]);
  return name;
}

/** Splits `total` into `parts` near-equal whole counts (at least `min` each). */
export function spread(total: number, parts: number, min = 0): number[] {
  const out = Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
  return out.map((n) => Math.max(min, n));
}

export function dateIn(random: Random, year: number, fromMonth: number, toMonth: number): string {
  const month = random.int(fromMonth, toMonth);
  return `${year}-${pad(month, 2)}-${pad(random.int(1, daysInMonth(year, month)), 2)}`;
}

// ---------------------------------------------------------------------------------------------
// The city
