/**
 * The rosters a clerk can import, their columns (Chinese header, or the English word) and the one
 * parameter each kind needs. Pure data: shared by the API, the CLI and the templates.
 */

export const IMPORT_KINDS = [
  'wages',
  'dividends',
  'rents',
  'households',
  'employments',
  'purchases',
  'entities',
  'stakes',
  'leases',
  'loans',
  'loan-repayments',
  'distributions',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: unknown): value is ImportKind =>
  typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);

/** The parameter a kind needs: the paying entity, the dividend declaration or the collective's distribution paid. */
export type ImportParamName = 'entityId' | 'declarationId' | 'distributionId';

export interface ImportParams {
  entityId?: string;
  declarationId?: string;
  distributionId?: string;
}

export const KIND_PARAM: Record<ImportKind, ImportParamName | undefined> = {
  wages: 'entityId',
  dividends: 'declarationId',
  rents: 'entityId',
  households: undefined,
  employments: 'entityId',
  purchases: 'entityId',
  entities: undefined,
  stakes: 'entityId',
  leases: 'entityId',
  loans: undefined,
  'loan-repayments': undefined,
  distributions: 'distributionId',
};

/** What each kind is called on paper, for help texts and messages. */
export const KIND_TITLE: Record<ImportKind, { zh: string; en: string }> = {
  wages: { zh: '工资表', en: 'wage roster' },
  dividends: { zh: '分红表', en: 'dividend list' },
  rents: { zh: '租金表', en: 'rent roster' },
  households: { zh: '贫困户名册', en: 'household register' },
  employments: { zh: '务工人员名册', en: 'worker register' },
  purchases: { zh: '收购单', en: 'purchase list' },
  entities: { zh: '经营主体名册', en: 'entity register' },
  stakes: { zh: '入股名册', en: 'stake register' },
  leases: { zh: '土地流转名册', en: 'land lease register' },
  loans: { zh: '扶贫小额信贷放款清单', en: 'micro-credit loan list' },
  'loan-repayments': { zh: '扶贫小额信贷还款清单', en: 'micro-credit repayment list' },
  distributions: { zh: '村集体二次分配发放表', en: 'collective distribution list' },
};

export interface ColumnSpec {
  /** The field the column fills (the English header word too). */
  key: string;
  /** The Chinese header of the template. */
  zh: string;
  required: boolean;
  /** Other headers clerks write for the same column. */
  aliases?: readonly string[];
  /** For help: what goes in it. */
  hint: string;
}

const registrationNo: ColumnSpec = {
  key: 'registrationNo',
  zh: '户编号',
  required: true,
  aliases: ['建档立卡编号', '户号', '农户编号'],
  hint: '建档立卡编号 (household registration number)',
};
const amount: ColumnSpec = {
  key: 'amount',
  zh: '金额',
  required: true,
  aliases: ['实发金额', '发放金额', '金额元'],
  hint: 'yuan, at most two decimals: 2000 or 2,000.50',
};
const paidOn: ColumnSpec = {
  key: 'paidOn',
  zh: '发放日期',
  required: true,
  aliases: ['支付日期', '付款日期'],
  hint: 'YYYY-MM-DD (2018/7/28 and 2018年7月28日 too)',
};
const reference: ColumnSpec = {
  key: 'reference',
  zh: '凭证号',
  required: false,
  aliases: ['凭证编号', '凭证'],
  hint: 'voucher or bank reference (optional)',
};

const township: ColumnSpec = {
  key: 'township',
  zh: '乡镇',
  required: true,
  aliases: ['乡/镇', '乡', '镇'],
  hint: 'township',
};
const county: ColumnSpec = {
  key: 'county',
  zh: '县区',
  required: true,
  aliases: ['县/区', '县', '区', '县（区）', '县(区)'],
  hint: 'county or district',
};
const startsOn = (zh: string, aliases: string[]): ColumnSpec => ({
  key: 'startsOn',
  zh,
  required: true,
  aliases,
  hint: 'first day: YYYY-MM-DD',
});
const endsOn = (zh: string, aliases: string[], required: boolean): ColumnSpec => ({
  key: 'endsOn',
  zh,
  required,
  aliases,
  hint: required ? 'last day (inclusive): YYYY-MM-DD' : 'last day (inclusive), if the term ends (optional)',
});

const contractNo = (required: boolean): ColumnSpec => ({
  key: 'contractNo',
  zh: '借款合同号',
  required,
  aliases: ['合同号', '合同编号', '借款合同编号', '贷款合同号'],
  hint: required
    ? "the loan contract's number"
    : "the loan contract's number (optional when the household has one loan)",
});

export const KIND_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  wages: [
    registrationNo,
    {
      key: 'workerName',
      zh: '姓名',
      required: true,
      aliases: ['务工人员', '工人姓名', '务工人员姓名'],
      hint: 'the worker',
    },
    { key: 'period', zh: '月份', required: true, aliases: ['工资月份', '所属月份'], hint: 'the wage month: 2018-07' },
    amount,
    paidOn,
    {
      key: 'daysWorked',
      zh: '出勤天数',
      required: false,
      aliases: ['出勤'],
      hint: 'days worked (optional; required for day rates)',
    },
    reference,
    {
      key: 'supplementary',
      zh: '补发',
      required: false,
      aliases: ['是否补发'],
      hint: '是/否: a further payment for a month already paid (optional)',
    },
  ],
  dividends: [registrationNo, amount, paidOn, reference],
  distributions: [registrationNo, amount, paidOn, reference],
  rents: [
    registrationNo,
    {
      key: 'period',
      zh: '期间',
      required: true,
      aliases: ['租金期间', '所属期间'],
      hint: 'a period of the lease: 2018, 2018-H1, 2018-Q3',
    },
    amount,
    paidOn,
    reference,
  ],
  employments: [
    registrationNo,
    {
      key: 'workerName',
      zh: '姓名',
      required: true,
      aliases: ['务工人员', '工人姓名', '务工人员姓名'],
      hint: 'the worker',
    },
    {
      key: 'startsOn',
      zh: '开始日期',
      required: true,
      aliases: ['上岗日期', '入职日期'],
      hint: 'first day of work: 2018-03-15',
    },
    {
      key: 'wageBasis',
      zh: '计薪方式',
      required: true,
      aliases: ['工资形式'],
      hint: '月薪 (monthly), 日薪 (daily) or 计件 (piece)',
    },
    {
      key: 'rate',
      zh: '工资标准',
      required: true,
      aliases: ['工资标准元', '单价'],
      hint: 'yuan per month, day or piece',
    },
  ],
  purchases: [
    registrationNo,
    {
      key: 'product',
      zh: '品名',
      required: false,
      aliases: ['产品', '农产品'],
      hint: 'the product (when the household has several orders)',
    },
    {
      key: 'quantity',
      zh: '数量',
      required: true,
      aliases: ['收购数量'],
      hint: "in the order's unit, at most 3 decimals",
    },
    amount,
    { key: 'deliveredOn', zh: '交货日期', required: true, aliases: ['收购日期'], hint: 'YYYY-MM-DD' },
    paidOn,
    reference,
  ],
  households: [
    registrationNo,
    { key: 'headName', zh: '户主姓名', required: true, aliases: ['户主'], hint: 'head of household' },
    {
      key: 'members',
      zh: '人口',
      required: true,
      aliases: ['家庭人口', '人口数', '人数'],
      hint: 'people in the household',
    },
    { key: 'village', zh: '村', required: true, aliases: ['村名', '行政村'], hint: 'village' },
    township,
    county,
  ],
  entities: [
    {
      key: 'name',
      zh: '名称',
      required: true,
      aliases: ['经营主体名称', '主体名称', '单位名称', '企业名称'],
      hint: 'the entity as registered',
    },
    {
      key: 'kind',
      zh: '类型',
      required: true,
      aliases: ['主体类型', '经营主体类型'],
      hint: '企业, 合作社, 村集体, 扶贫基地, 卫星工厂 or 光伏电站',
    },
    {
      key: 'creditCode',
      zh: '统一社会信用代码',
      required: false,
      aliases: ['信用代码', '社会信用代码'],
      hint: '18 characters (optional)',
    },
    township,
    county,
  ],
  stakes: [
    registrationNo,
    {
      key: 'source',
      zh: '入股方式',
      required: true,
      aliases: ['入股来源', '股金来源', '资金来源'],
      hint: '资金变股金 (fiscal funds), 土地入股 (land), 户贷企用 (household loan) or 现金入股 (cash)',
    },
    {
      key: 'projectId',
      zh: '项目编号',
      required: false,
      aliases: ['扶贫项目编号', '项目'],
      hint: 'project-…: the project whose funds bought a 资金变股金 stake (only then)',
    },
    {
      key: 'principal',
      zh: '入股金额',
      required: true,
      aliases: ['本金', '股金', '入股本金'],
      hint: 'yuan, at most two decimals',
    },
    { key: 'shares', zh: '股数', required: true, aliases: ['股份数', '持股数'], hint: 'a whole number of shares' },
    {
      key: 'guaranteedYearly',
      zh: '保底分红',
      required: false,
      aliases: ['每年保底分红', '年保底分红'],
      hint: 'guaranteed dividend per year, yuan (optional)',
    },
    startsOn('入股日期', ['起始日期', '开始日期']),
    endsOn('到期日期', ['终止日期', '结束日期'], false),
  ],
  leases: [
    registrationNo,
    {
      key: 'areaMu',
      zh: '面积',
      required: true,
      aliases: ['流转面积', '面积亩', '亩数', '租赁面积'],
      hint: 'mu (亩), at most two decimals: 2.5',
    },
    {
      key: 'rentPerMuYear',
      zh: '每亩年租金',
      required: true,
      aliases: ['每亩租金', '租金标准', '每亩每年租金'],
      hint: 'yuan per mu per year, at most two decimals',
    },
    startsOn('起租日期', ['开始日期', '租期开始']),
    endsOn('到期日期', ['结束日期', '租期结束'], true),
    {
      key: 'schedule',
      zh: '付租方式',
      required: true,
      aliases: ['支付方式', '租金支付方式'],
      hint: '按年 (yearly), 按半年 (half-yearly) or 按季 (quarterly)',
    },
  ],
  loans: [
    registrationNo,
    contractNo(true),
    {
      key: 'lender',
      zh: '贷款银行',
      required: true,
      aliases: ['放款银行', '贷款机构', '银行'],
      hint: 'the lending bank',
    },
    {
      key: 'principal',
      zh: '贷款金额',
      required: true,
      aliases: ['放款金额', '贷款本金', '借款金额'],
      hint: 'yuan, at most 50,000',
    },
    {
      key: 'annualRate',
      zh: '年利率',
      required: true,
      aliases: ['贷款利率', '执行利率', '利率'],
      hint: 'per cent a year, at most two decimals: 4.35 or 4.35%',
    },
    { key: 'disbursedOn', zh: '放款日期', required: true, aliases: ['贷款日期', '借款日期'], hint: 'YYYY-MM-DD' },
    {
      key: 'maturesOn',
      zh: '到期日期',
      required: true,
      aliases: ['贷款到期日', '到期日'],
      hint: 'YYYY-MM-DD, at most three years after disbursement',
    },
    {
      key: 'use',
      zh: '用途',
      required: true,
      aliases: ['贷款用途', '使用方式'],
      hint: '自主发展 (own production) or 户贷企用 (invested in an entity)',
    },
    {
      key: 'entity',
      zh: '入股主体',
      required: false,
      aliases: ['入股企业', '经营主体', '使用主体'],
      hint: 'the entity a 户贷企用 loan is invested in: its name or id (entity-…)',
    },
    {
      key: 'subsidyRate',
      zh: '贴息利率',
      required: false,
      aliases: ['财政贴息利率', '贴息率'],
      hint: 'per cent a year the county subsidises, at most the loan rate (optional: no subsidy)',
    },
  ],
  'loan-repayments': [
    registrationNo,
    contractNo(false),
    {
      key: 'principal',
      zh: '还款本金',
      required: true,
      aliases: ['归还本金', '本金'],
      hint: 'yuan, 0 when only interest is repaid',
    },
    {
      key: 'interest',
      zh: '还款利息',
      required: true,
      aliases: ['归还利息', '利息'],
      hint: 'yuan, 0 when only principal is repaid',
    },
    { key: 'paidOn', zh: '还款日期', required: true, aliases: ['归还日期'], hint: 'YYYY-MM-DD' },
    {
      key: 'paidBy',
      zh: '还款方',
      required: true,
      aliases: ['还款人', '还款主体'],
      hint: '农户 (the household) or 经营主体 (the entity, 户贷企用 only)',
    },
    reference,
  ],
};

/** Columns rosters often carry that say nothing the ledger records: ignored rather than refused. */
const IGNORED_HEADERS = new Set(
  [
    '序号',
    '编号序号',
    '备注',
    '签字',
    '签名',
    '领款人签字',
    '联系电话',
    '电话',
    '说明',
    'no',
    'no.',
    '#',
    'remark',
    'remarks',
    'note',
    'notes',
    'signature',
  ].map((h) => normalizeHeader(h)),
);

/** A header as compared: NFKC, no spaces, no unit suffix such as （元）, lower-case. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/\((?:元|天|人|日|yuan|days?)\)$/i, '')
    .toLowerCase();
}

/** The template's header row: the Chinese headers, or the English words. */
export function templateHeaders(kind: ImportKind, lang: 'zh' | 'en' = 'zh'): string[] {
  return KIND_COLUMNS[kind].map((c) => (lang === 'en' ? c.key : c.zh));
}

export interface HeaderProblem {
  /** The header as written (or the missing column's Chinese header). */
  column: string;
  code: 'IMPORT.MISSING_COLUMN' | 'IMPORT.UNKNOWN_COLUMN' | 'IMPORT.DUPLICATE_COLUMN';
  en: string;
  zh: string;
}

export interface HeaderMap {
  /** Column index (0-based) of each field present in the file. */
  index: Map<string, number>;
  /** The header as written in the file, by field; the template's header for absent columns. */
  written: Map<string, string>;
  problems: HeaderProblem[];
}

/** Matches a header row against a kind's columns: each field once, none required missing. */
export function mapHeader(kind: ImportKind, headerCells: readonly string[]): HeaderMap {
  return mapColumns(KIND_COLUMNS[kind], KIND_TITLE[kind], headerCells);
}

/** Matches a header row against a file's columns (a roster kind's, or another file's such as a bank's). */
export function mapColumns(
  columns: readonly ColumnSpec[],
  title: { zh: string; en: string },
  headerCells: readonly string[],
): HeaderMap {
  const headers = (lang: 'zh' | 'en') => columns.map((c) => (lang === 'en' ? c.key : c.zh));
  const byName = new Map<string, ColumnSpec>();
  for (const c of columns) {
    for (const name of [c.key, c.zh, ...(c.aliases ?? [])]) byName.set(normalizeHeader(name), c);
  }
  const index = new Map<string, number>();
  const written = new Map<string, string>();
  const problems: HeaderProblem[] = [];
  headerCells.forEach((raw, i) => {
    const text = raw.trim();
    const name = normalizeHeader(text);
    if (name === '' || IGNORED_HEADERS.has(name)) return;
    const spec = byName.get(name);
    if (!spec) {
      problems.push({
        column: text,
        code: 'IMPORT.UNKNOWN_COLUMN',
        en: `Unknown column "${text}"; the columns of a ${title.en} are: ${headers('en').join(', ')}.`,
        zh: `无法识别的列“${text}”；${title.zh}的列为：${headers('zh').join('、')}。`,
      });
      return;
    }
    if (index.has(spec.key)) {
      problems.push({
        column: text,
        code: 'IMPORT.DUPLICATE_COLUMN',
        en: `Column "${text}" appears twice (as "${written.get(spec.key)}" too).`,
        zh: `列“${text}”重复（已有“${written.get(spec.key)}”）。`,
      });
      return;
    }
    index.set(spec.key, i);
    written.set(spec.key, text);
  });
  for (const c of columns) {
    if (index.has(c.key)) continue;
    written.set(c.key, c.zh);
    if (c.required) {
      problems.push({
        column: c.zh,
        code: 'IMPORT.MISSING_COLUMN',
        en: `The file has no "${c.zh}" (${c.key}) column; the header row (row 1) must name every required column.`,
        zh: `文件缺少“${c.zh}”列；第 1 行（表头）须包含所有必填列。`,
      });
    }
  }
  return { index, written, problems };
}
