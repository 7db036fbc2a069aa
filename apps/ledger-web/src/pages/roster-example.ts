import { KIND_COLUMNS, parseYuanToFen, type ImportKind } from '@ledger/contract';
import type { RosterPreview } from '../roster-file';

/**
 * One filled-in row of each roster, shown under the template: what a clerk writes in each column, in
 * the words the importer reads. Shown on screen and not written into the downloaded file: a row left in
 * a households or entities roster would be registered for real.
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

/** The template's header (Chinese) and an example row under it. */
export function rosterExample(kind: ImportKind): { header: string[]; row: string[] } {
  const columns = KIND_COLUMNS[kind];
  return {
    header: columns.map((c) => (c.required ? c.zh : `${c.zh}（选填）`)),
    row: columns.map((c) => (kind === 'rents' && c.key === 'period' ? '2018' : (EXAMPLE[c.key] ?? ''))),
  };
}

/** The amount column of a previewed roster (its header or any alias), when the kind has one. */
function amountColumn(kind: ImportKind, preview: RosterPreview): number | undefined {
  const spec = KIND_COLUMNS[kind].find((c) => c.key === 'amount' || c.key === 'principal');
  if (!spec) return undefined;
  const names = new Set([spec.key, spec.zh, ...(spec.aliases ?? [])].map(simplify));
  const i = preview.header.findIndex((h) => names.has(simplify(h)));
  return i < 0 ? undefined : i;
}

const simplify = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\uFEFF]/g, '')
    .replace(/\((元|yuan)\)$/i, '')
    .toLowerCase();

/** Each data row's amount in fen (by spreadsheet row number), where the cell is an amount. */
export function rosterAmounts(kind: ImportKind, preview: RosterPreview | undefined): Map<number, number> {
  const amounts = new Map<number, number>();
  if (!preview) return amounts;
  const column = amountColumn(kind, preview);
  if (column === undefined) return amounts;
  preview.rows.forEach((cells, i) => {
    const parsed = parseYuanToFen((cells[column] ?? '').trim());
    if (parsed.ok) amounts.set(i + 2, parsed.fen);
  });
  return amounts;
}
