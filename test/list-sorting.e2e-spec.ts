import { startTestApp, type TestApp } from './support/test-app';

interface Item {
  id: string;
  registrationNo: string;
  headName: string;
  village: string;
  receivedFen: number;
}

/**
 * Server-side sorting of the register: each key both ways, ties broken by id, and a sorted list read a
 * page at a time gives every household exactly once, in the same order as one long page.
 */
describe('sorting the lists', () => {
  let t: TestApp;
  let position = 0;
  const NAMES = ['王五', '李四', '张三', '赵六', '孙七', '周八', '吴九'];

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const entityId = (
      await t
        .post('/v1/entities', { name: '桃园采摘园', kind: 'company', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
    for (const [i, headName] of NAMES.entries()) {
      const householdId = (
        await t
          .post('/v1/households', {
            registrationNo: `4211270101${String(900 - i * 7).padStart(5, '0')}`,
            headName,
            members: 3,
            village: i % 2 ? '桃园村' : '杏花村',
            township: '城关镇',
            county: '英山县',
          })
          .expect(201)
      ).body.id as string;
      // Received: two households at 0 and two at the same amount, so ties must be broken by id.
      const amountFen = [0, 120000, 50000, 120000, 0, 9900, 300000][i];
      if (amountFen === 0) continue;
      const employmentId = (
        await t
          .post('/v1/employments', {
            entityId,
            householdId,
            workerName: headName,
            startsOn: '2024-01-01',
            wageBasis: 'monthly',
            rateFen: 300000,
          })
          .expect(201)
      ).body.id as string;
      const paid = await t
        .post(`/v1/employments/${employmentId}/payments`, { period: '2024-01', amountFen, paidOn: '2024-01-31' })
        .expect(201);
      position = paid.body.position as number;
    }
  });
  afterAll(() => t.close());

  const list = async (params: string): Promise<{ items: Item[]; nextCursor?: string; total: number }> =>
    (await t.get(`/v1/households?minPosition=${position}&${params}`).expect(200)).body;

  /** Every page of a sort, walked by its cursors. */
  const walk = async (sort: string, limit: number): Promise<Item[]> => {
    const seen: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(NAMES.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const expected: Record<string, (a: Item, b: Item) => number> = {
    registrationNo: (a, b) => (a.registrationNo < b.registrationNo ? -1 : 1),
    received: (a, b) => a.receivedFen - b.receivedFen || byId(a, b),
    village: (a, b) =>
      a.village === b.village ? (a.registrationNo < b.registrationNo ? -1 : 1) : a.village < b.village ? -1 : 1,
  };

  it.each(['registrationNo', 'received', 'village'])(
    'sorts by %s both ways, the same over pages of 2 as in one page',
    async (key) => {
      const all = (await list(`sort=${key}&limit=100`)).items;
      // The database's collation orders text; compare with JS only where the key is plain digits.
      if (key !== 'village') expect(all).toEqual([...all].sort(expected[key]));
      expect(await walk(key, 2)).toEqual(all);
      const descending = (await list(`sort=-${key}&limit=100`)).items;
      expect(descending).toEqual([...all].reverse());
      expect(await walk(`-${key}`, 3)).toEqual(descending);
    },
  );

  it('sorts by name, each household once over the pages', async () => {
    const all = (await list('sort=name&limit=100')).items;
    const paged = await walk('name', 2);
    expect(paged).toEqual(all);
    expect(new Set(paged.map((i) => i.id)).size).toBe(NAMES.length);
  });

  it('answers what each household received, and breaks ties by id', async () => {
    const all = (await list('sort=received&limit=100')).items;
    expect(all.map((i) => i.receivedFen)).toEqual([0, 0, 9900, 50000, 120000, 120000, 300000]);
    expect([all[0].id, all[1].id]).toEqual([all[0].id, all[1].id].sort());
    expect([all[4].id, all[5].id]).toEqual([all[4].id, all[5].id].sort());
  });

  it('refuses an unknown sort naming `sort` and the allowed values, and a cursor of another sort naming `cursor`', async () => {
    const bad = await t.get('/v1/households?sort=total').expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({
        path: 'sort',
        message: expect.stringContaining('name, registrationNo, village, received'),
      }),
    ]);
    const page = await list('sort=name&limit=2');
    const other = await t.get(`/v1/households?sort=-name&limit=2&cursor=${page.nextCursor!}`).expect(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('filters the register by county and by linkage form, counting every match', async () => {
    // Five of the seven were employed (those paid something); none holds a stake.
    expect((await list('form=labour&limit=2')).total).toBe(5);
    expect((await list('form=labour&limit=100')).items.every((i) => i.receivedFen > 0)).toBe(true);
    expect((await list('form=equity')).total).toBe(0);
    expect((await list(`county=${encodeURIComponent('英山县')}&form=labour`)).total).toBe(5);
    expect((await list(`county=${encodeURIComponent('罗田县')}`)).total).toBe(0);
    const bad = await t.get('/v1/households?form=wage&county=').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['county', 'form']);
  });

  it('hands out opaque cursors: no name readable in them, and an edited one is a 400 naming `cursor`', async () => {
    const page = await list('sort=name&limit=2');
    const cursor = page.nextCursor!;
    // The last head's name is in the cursor only sealed (it would land in access logs otherwise).
    const last = page.items[1].headName;
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toContain(last);
    expect(decodeURIComponent(cursor)).not.toContain(last);
    const edited = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
    for (const bad of [edited, Buffer.from(JSON.stringify(['name', last, page.items[1].id])).toString('base64url')]) {
      const refused = await t.get(`/v1/households?sort=name&limit=2&cursor=${encodeURIComponent(bad)}`).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
  });

  /** Every page of a list under a sort, walked by its cursors. */
  const walkAny = async <T>(path: string, limit: number): Promise<T[]> => {
    const seen: T[] = [];
    let cursor: string | undefined;
    do {
      const page = (await t.get(`${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as {
        items: T[];
        nextCursor?: string;
      };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('sorts the entities by kind and township, the same over pages of 1', async () => {
    for (const [name, kind] of [
      ['甲合作社', 'cooperative'],
      ['乙光伏电站', 'pv_station'],
      ['丙公司', 'company'],
    ]) {
      const res = await t.post('/v1/entities', { name, kind, township: '城关镇', county: '英山县' }).expect(201);
      position = res.body.position as number;
    }
    for (const sort of ['kind', '-kind', 'name', '-township']) {
      const path = `/v1/entities?minPosition=${position}&sort=${sort}`;
      const all = (await t.get(`${path}&limit=100`).expect(200)).body.items as { id: string; kind: string }[];
      expect(all).toHaveLength(4);
      expect(await walkAny(path, 1)).toEqual(all);
    }
    const kinds = (await t.get(`/v1/entities?sort=kind&limit=100`).expect(200)).body.items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toEqual([...kinds].sort());
    await t.get('/v1/entities?sort=industry').expect(400);
  });

  it('sorts the notices by total and opening date, the same over pages of 1', async () => {
    for (const [village, opensOn] of [
      ['桃园村', '2024-02-01'],
      ['杏花村', '2024-02-03'],
      ['桃园村', '2024-02-02'],
    ] as const) {
      const res = await t
        .post('/v1/notices', {
          village,
          township: '城关镇',
          title: `${village}2024年1月收益公示`,
          subject: { period: '2024-01' },
          opensOn,
          closesOn: '2024-02-20',
        })
        .expect(201);
      position = res.body.position as number;
    }
    for (const sort of ['total', '-total', 'opensOn', '-opensOn', 'village', 'openObjections']) {
      const path = `/v1/notices?minPosition=${position}&sort=${sort}`;
      const all = (await t.get(`${path}&limit=100`).expect(200)).body.items as { id: string; totalFen: number }[];
      expect(all).toHaveLength(3);
      expect(await walkAny(path, 1)).toEqual(all);
    }
    const byDate = (await t.get('/v1/notices?limit=100').expect(200)).body.items.map(
      (n: { opensOn: string }) => n.opensOn,
    );
    expect(byDate).toEqual(['2024-02-03', '2024-02-02', '2024-02-01']); // the default: the latest first
    const totals = (await t.get('/v1/notices?sort=total&limit=100').expect(200)).body.items.map(
      (n: { totalFen: number }) => n.totalFen,
    );
    expect(totals).toEqual([...totals].sort((a: number, b: number) => a - b));
    const bad = await t.get('/v1/notices?sort=title').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'sort' })]);
  });

  it('pages the loan book under every sort, its summary over the whole filter, and filters by township, status and year', async () => {
    const clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    const households = (await list('limit=100')).items;
    // Seven loans: two principals tie, two mature on the same date, two are long overdue, one is repaid.
    // (Status is taken on today's date, so the active ones mature years ahead.)
    const loans = households.map((h, i) => ({
      householdId: h.id,
      lender: '英山县农商银行',
      contractNo: `PX-${i}`,
      principalFen: [5_000_000, 3_000_000, 3_000_000, 1_000_000, 2_000_000, 4_000_000, 500_000][i],
      annualRateBp: 435,
      disbursedOn: ['2018', '2025', '2025', '2018', '2026', '2025', '2019'][i] + `-0${1 + i}-15`,
      maturesOn: ['2020-01-15', '2028-02-01', '2028-02-01', '2021-04-15', '2029-05-01', '2027-12-31', '2022-02-02'][i],
      use: 'own_production',
    }));
    let repaidId = '';
    for (const [i, terms] of loans.entries()) {
      const res = await t.post('/v1/loans', terms, clerk).expect(201);
      position = res.body.position as number;
      if (i === 6) repaidId = res.body.id as string;
    }
    const repaid = await t
      .post(
        `/v1/loans/${repaidId}/repayments`,
        { paidOn: '2021-01-15', principalFen: 500_000, interestFen: 0, paidBy: 'household' },
        clerk,
      )
      .expect(201);
    position = repaid.body.position as number;

    interface Loan {
      loanId: string;
      status: string;
      principalFen: number;
      outstandingPrincipalFen: number;
      maturesOn: string;
      disbursedOn: string;
    }
    const book = async (params: string) =>
      (await t.get(`/v1/audit/loans?minPosition=${position}&${params}`).expect(200)).body as {
        items: Loan[];
        total: number;
        loans: number;
        principalFen: number;
        overdue: { loans: number };
        nextCursor?: string;
      };
    const walkBook = async (params: string, limit: number) => {
      const seen: Loan[] = [];
      let cursor: string | undefined;
      do {
        const page = await book(`${params}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        // Every page carries the figures of the whole filter.
        expect(page).toMatchObject({ total: 7, loans: 7, principalFen: 18_500_000, overdue: { loans: 2 } });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };

    // The default keeps the old order: overdue loans first (the longest overdue first), then by maturity.
    const first = (await book('limit=100')).items;
    expect(first.map((l) => [l.status, l.maturesOn])).toEqual([
      ['overdue', '2020-01-15'],
      ['overdue', '2021-04-15'],
      ['repaid', '2022-02-02'],
      ['active', '2027-12-31'],
      ['active', '2028-02-01'],
      ['active', '2028-02-01'],
      ['active', '2029-05-01'],
    ]);
    expect(await walkBook('', 2)).toEqual(first);

    const byId = (a: Loan, b: Loan) => (a.loanId < b.loanId ? -1 : 1);
    const ascending: Record<string, (a: Loan, b: Loan) => number> = {
      issuedOn: (a, b) => a.disbursedOn.localeCompare(b.disbursedOn) || byId(a, b),
      principal: (a, b) => a.principalFen - b.principalFen || byId(a, b),
      outstanding: (a, b) => a.outstandingPrincipalFen - b.outstandingPrincipalFen || byId(a, b),
      maturesOn: (a, b) => a.maturesOn.localeCompare(b.maturesOn) || byId(a, b),
    };
    for (const key of ['issuedOn', 'household', 'principal', 'outstanding', 'maturesOn']) {
      const all = (await book(`sort=${key}&limit=100`)).items;
      if (ascending[key]) expect(all).toEqual([...all].sort(ascending[key]));
      expect(await walkBook(`sort=${key}`, 2)).toEqual(all);
      const descending = (await book(`sort=-${key}&limit=100`)).items;
      expect(descending).toEqual([...all].reverse());
      expect(await walkBook(`sort=-${key}`, 3)).toEqual(descending);
    }

    const overdue = await book('status=overdue&limit=1');
    expect(overdue).toMatchObject({ total: 2, loans: 2, overdue: { loans: 2 } });
    expect(overdue.items).toHaveLength(1);
    const of2025 = await book('year=2025&limit=100');
    expect(of2025.items.map((l) => l.disbursedOn.slice(0, 4))).toEqual(['2025', '2025', '2025']);
    expect(of2025.total).toBe(3);
    expect((await book('township=温泉镇')).total).toBe(0);

    const bad = await t.get('/v1/audit/loans?sort=lender').expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({
        path: 'sort',
        message: expect.stringContaining('overdueFirst, issuedOn, household, principal, outstanding, maturesOn'),
      }),
    ]);
    const page = await book('sort=principal&limit=2');
    const other = await t.get(`/v1/audit/loans?sort=-principal&limit=2&cursor=${page.nextCursor!}`).expect(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    await t.get('/v1/audit/loans?limit=501').expect(400);
    await t.get('/v1/audit/loans?status=late').expect(400);
  });
});
