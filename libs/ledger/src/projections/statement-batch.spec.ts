import { mergedInsert } from './statement-batch';

describe('merging a run of the same INSERT … VALUES', () => {
  it('sends the rows as one multi-row insert, values as literals the columns read as they would parameters', () => {
    const body = `insert into coverage_payments (payment_id, household_id, form, paid_on, amount_fen) values ($1, $2, $3, $4, $5)
         on conflict (payment_id) do nothing`;
    expect(
      mergedInsert(body, [
        ['p1', 'household-1', 'labour', '2018-07-10', 200000],
        ["o'brien", null, 'order', '2018-07-11', 5],
      ]),
    ).toBe(
      `insert into coverage_payments (payment_id, household_id, form, paid_on, amount_fen) values ('p1', 'household-1', 'labour', '2018-07-10', '200000'),
('o''brien', NULL, 'order', '2018-07-11', '5')
         on conflict (payment_id) do nothing`,
    );
  });

  it('keeps casts and constants, and escapes backslashes', () => {
    expect(
      mergedInsert(`insert into t (a, b, c) values ($1::text, $2, 'enrolled')`, [
        ['a\\b', 1],
        ['c', 2],
      ]),
    ).toBe(`insert into t (a, b, c) values ( E'a\\\\b'::text, '1', 'enrolled'),\n('c'::text, '2', 'enrolled')`);
  });

  it('never merges what would not mean the same: DO UPDATE, RETURNING, INSERT … SELECT, expressions', () => {
    for (const body of [
      'insert into t (a) values ($1) on conflict (a) do update set a = excluded.a',
      'insert into t (a) values ($1) returning a',
      'insert into t (a) select $1 from u where u.id = $2',
      'insert into t (a) values (coalesce($1, 0))',
      'update t set a = $2 where id = $1',
      "insert into t (a) values ('$1')",
    ]) {
      expect(mergedInsert(body, [[1], [2]])).toBeUndefined();
    }
  });
});
