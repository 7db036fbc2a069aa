import { executionsOf, planBatch } from './batch-plan';
import { row, rowStatement } from './projection';

const TERMS = rowStatement({
  columns: { id: 'text' },
  sql: 'insert into terms (id) select r.id from ROWS',
  writes: ['terms'],
  keys: (r) => ({ reads: [], writes: [`terms:${String(r.id)}`] }),
});
const PAYMENTS = rowStatement({
  columns: { id: 'text', terms: 'text' },
  sql: 'insert into lines (id) select r.id from ROWS join terms t on t.id = r.terms',
  reads: ['terms'],
  writes: ['lines'],
  keys: (r) => ({ reads: [`terms:${String(r.terms)}`], writes: [`lines:${String(r.id)}`] }),
});
const REVERSED = rowStatement({
  columns: { id: 'text' },
  sql: 'update lines set reversed = true where id in (select r.id from ROWS)',
  reads: ['lines'],
  writes: ['lines'],
  keys: (r) => ({ reads: [`lines:${String(r.id)}`], writes: [`lines:${String(r.id)}`] }),
});
const LINES = rowStatement({
  columns: { id: 'text' },
  sql: 'insert into lines (id) select r.id from ROWS on conflict (id) do nothing',
  writes: ['lines'],
  keys: (r) => ({ reads: [], writes: [`lines:${String(r.id)}`] }),
  onePerKey: true,
});
const UNKEYED = rowStatement({
  columns: { id: 'text' },
  sql: 'update terms set seen = true where id in (select r.id from ROWS)',
  reads: ['terms'],
  writes: ['terms'],
});

const shape = (steps: ReturnType<typeof planBatch>) =>
  steps.map((s) => `${s.statement.text.split(' ')[0]}:${s.rows.map((r) => String(r[0])).join(',')}`);

describe('planning a batch into set-based steps', () => {
  it('gathers the rows of a statement past steps that touch other keys', () => {
    const steps = planBatch([
      row(TERMS, 't1'),
      row(PAYMENTS, 'p1', 't1'),
      row(TERMS, 't2'),
      row(PAYMENTS, 'p2', 't2'),
      row(PAYMENTS, 'p3', 't1'),
    ]);
    expect(shape(steps)).toEqual(['insert:t1,t2', 'insert:p1,p2,p3']);
  });

  it('keeps a reversal after its payment, and a payment after the terms it reads', () => {
    const steps = planBatch([
      row(PAYMENTS, 'p1', 't1'),
      row(REVERSED, 'p1'),
      row(PAYMENTS, 'p2', 't1'),
      row(TERMS, 't1'),
      row(PAYMENTS, 'p3', 't1'),
    ]);
    // p2 may join p1 (the reversal touches p1 only); the terms of t1 must stay after p1 and p2 read
    // them (missing), and p3 after the terms.
    expect(shape(steps)).toEqual(['insert:p1,p2', 'update:p1', 'insert:t1', 'insert:p3']);
  });

  it('treats a statement without keys as touching its whole tables', () => {
    const steps = planBatch([row(PAYMENTS, 'p1', 't1'), row(UNKEYED, 't9'), row(PAYMENTS, 'p2', 't2')]);
    expect(shape(steps)).toEqual(['insert:p1', 'update:t9', 'insert:p2']);
  });

  it('starts another execution for a second row of a key when a statement holds one row per key', () => {
    const steps = planBatch([row(LINES, 'p1'), row(LINES, 'p2'), row(LINES, 'p1'), row(LINES, 'p3')]);
    expect(shape(steps)).toEqual(['insert:p1,p2', 'insert:p1,p3']);
  });

  it('sends each column as an array literal that reads back as the values', () => {
    const VALUES = rowStatement({
      columns: { a: 'text', b: 'bigint', c: 'boolean', d: 'timestamptz' },
      sql: 'select * from ROWS',
      writes: [],
    });
    const at = new Date('2018-07-10T08:00:00.000Z');
    const [execution] = executionsOf(
      planBatch([row(VALUES, 'say "hi" \\ {x,y}', 5, true, at), row(VALUES, 'NULL', null, false, null)])[0],
    );
    expect(execution.params).toEqual([
      '{"say \\"hi\\" \\\\ {x,y}","NULL"}',
      '{5,NULL}',
      '{true,false}',
      '{"2018-07-10T08:00:00.000Z",NULL}',
    ]);
    expect(() => executionsOf(planBatch([row(VALUES, { a: 1 }, 1, true, at)])[0])).toThrow('pass JSON as text');
  });
});
