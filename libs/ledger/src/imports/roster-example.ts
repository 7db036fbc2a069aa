import { KIND_COLUMNS, type ImportKind } from './import-kinds';

/**
 * The sheet of the xlsx template that explains the roster: an example row and each column's rule.
 * The importer reads the first sheet and refuses to be pointed at this one, so the example is never
 * registered as a real household, payment or stake.
 */
export const GUIDE_SHEET = '填写说明';

/**
 * One filled-in row of each roster: what a clerk writes in each column, in the words the importer
 * reads. Shown in the console under the template and on the xlsx template's "填写说明" sheet, never on
 * the sheet the importer reads: a row left in a households or entities roster would be registered
 * for real.
 */
const EXAMPLE: Record<string, string> = {
  registrationNo: '4211220101001',
  workerName: '张三',
  headName: '张三',
  name: '桃园茶叶专业合作社',
  period: '2018-07',
  amount: '2,400.00',
  paidOn: '2018-07-28',
  daysWorked: '22',
  reference: 'PZ-2018-0728-01',
  supplementary: '否',
  members: '4',
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
  kind: '合作社',
  creditCode: '93421124MA49XXXX0X',
  startsOn: '2018-03-01',
  endsOn: '2020-12-31',
  wageBasis: '月薪',
  rate: '2,400.00',
  product: '茶叶',
  quantity: '120.5',
  deliveredOn: '2018-05-10',
  source: '资金变股金',
  projectId: 'project-…',
  principal: '4,000.00',
  shares: '4',
  guaranteedYearly: '400.00',
  areaMu: '2.50',
  rentPerMuYear: '800.00',
  schedule: '每年',
  lender: '县农商行',
  contractNo: 'JK2018-001',
  annualRate: '4.35',
  subsidyRate: '4.35',
  disbursedOn: '2018-03-01',
  maturesOn: '2021-02-28',
  use: '自主发展',
  entity: '桃园茶叶专业合作社',
  interest: '0.00',
  paidBy: '农户',
};

/** The template's header (Chinese, optional columns marked) and an example row under it. */
export function rosterExample(kind: ImportKind): { header: string[]; row: string[] } {
  const columns = KIND_COLUMNS[kind];
  return {
    header: columns.map((c) => (c.required ? c.zh : `${c.zh}（选填）`)),
    row: columns.map((c) => (kind === 'rents' && c.key === 'period' ? '2018' : (EXAMPLE[c.key] ?? ''))),
  };
}
