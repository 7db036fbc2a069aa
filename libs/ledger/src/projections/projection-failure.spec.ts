import { failuresOf, ProjectionFailure, transientKind } from './projection-failure';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('what a failed page says about the event', () => {
  it.each([
    ['57P01', 'connection'],
    ['08006', 'connection'],
    ['ECONNRESET', 'connection'],
    ['53300', 'connection'],
    ['40001', 'contention'],
    ['40P01', 'contention'],
  ])('given PostgreSQL error %s, then it is transient (%s): retried, not parked', (code, kind) => {
    expect(transientKind(new ProjectionFailure('coverage', pgError(code)))).toBe(kind);
  });

  it('given a lost connection without a code, then it is a connection failure', () => {
    expect(transientKind(new Error('Connection terminated unexpectedly'))).toBe('connection');
  });

  it.each([
    ['22008', 'date/time field value out of range: "0000-01-01"'],
    ['23502', 'null value in column "household_id" violates not-null constraint'],
  ])('given %s (bad data), then it is the event’s fault: parked', (code, message) => {
    expect(transientKind(new ProjectionFailure('household-list', pgError(code, message)))).toBeUndefined();
  });

  it('given a projection that throws in JavaScript, then it is the event’s fault', () => {
    expect(
      transientKind(new ProjectionFailure('statement', new TypeError('cannot read x of undefined'))),
    ).toBeUndefined();
  });

  it('when several projections failed one page, then each failure names its projection', () => {
    const a = new ProjectionFailure('household-list', pgError('22008'));
    const b = new ProjectionFailure('coverage', pgError('40001'));
    expect(failuresOf(new AggregateError([a, b])).map((f) => f.projection)).toEqual(['household-list', 'coverage']);
    expect(failuresOf(new Error('reading the log failed'))).toEqual([]);
  });
});
