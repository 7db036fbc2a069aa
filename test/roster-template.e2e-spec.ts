import * as ExcelJS from 'exceljs';
import request from 'supertest';
import { IMPORT_KINDS, KIND_COLUMNS, KIND_TITLE } from '../libs/ledger/src/imports/import-kinds';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * The xlsx roster template: the header alone on the sheet the importer reads, the example row and the
 * column rules on "填写说明"; a template filled in and imported registers what the clerk wrote and never
 * the example.
 */
describe('roster templates with an example that is never imported', () => {
  let t: TestApp;
  const EXAMPLE_NO = '4211220101001';

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
  });
  afterAll(() => t.close());

  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const download = async (kind: string): Promise<ExcelJS.Workbook> => {
    const res = await t.get(`/v1/imports/templates/${kind}.xlsx`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    const body = res.body as Buffer;
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    return workbook;
  };
  const upload = (query: Record<string, string>, body: Buffer) =>
    request(t.app.getHttpServer())
      .post(`/v1/imports?${new URLSearchParams(query).toString()}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .attach('file', body, 'households.xlsx');

  it('serves every kind: the header on the first sheet, the example and the rules on 填写说明', async () => {
    for (const kind of IMPORT_KINDS) {
      const workbook = await download(kind);
      const [roster, guide] = workbook.worksheets;
      expect(roster?.name).toBe(KIND_TITLE[kind].zh);
      expect(roster?.actualRowCount).toBe(1);
      expect((roster?.getRow(1).values as unknown[]).slice(1)).toEqual(KIND_COLUMNS[kind].map((c) => c.zh));
      expect(guide?.name).toBe('填写说明');
      // Title, header, example, blank, rules header, one rule per column.
      expect(guide?.actualRowCount).toBe(4 + KIND_COLUMNS[kind].length);
    }
    const guide = (await download('households')).getWorksheet('填写说明')!;
    expect(guide.getRow(3).getCell(1).value).toBe(EXAMPLE_NO);
  });

  it('imports what the clerk filled in and never the example row', async () => {
    const workbook = await download('households');
    workbook.worksheets[0].addRow(['4211220101999', '李四', 3, '桃园村', '城关镇', '英山县']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const dryRun = await upload({ kind: 'households', dryRun: 'true' }, file).expect(201);
    expect(dryRun.body).toMatchObject({ status: 'validated', rows: 1, accepted: 1, rejected: 0 });
    const commit = await upload({ kind: 'households', dryRun: 'false' }, file).expect(201);
    expect(commit.body).toMatchObject({ status: 'committed', rows: 1, accepted: 1 });

    const position = String(commit.body.position);
    const real = await t.get(`/v1/households?q=4211220101999&minPosition=${position}`).expect(200);
    expect(real.body.total).toBe(1);
    const example = await t.get(`/v1/households?q=${EXAMPLE_NO}&minPosition=${position}`).expect(200);
    expect(example.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses to read the example sheet, naming `sheet`', async () => {
    const file = Buffer.from(await (await download('households')).xlsx.writeBuffer());
    const res = await upload({ kind: 'households', dryRun: 'true', sheet: '填写说明' }, file).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'sheet' })]);
    const after = await t.get(`/v1/households?q=${EXAMPLE_NO}`).expect(200);
    expect(after.body.total).toBe(0);
  });

  it('404s an unknown template in either format', async () => {
    await t.get('/v1/imports/templates/salaries.xlsx').expect(404);
    await t.get('/v1/imports/templates/wages.pdf').expect(404);
  });
});
