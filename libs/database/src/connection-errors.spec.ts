import fc from 'fast-check';
import { isConnectionError } from './connection-errors';

describe('isConnectionError', () => {
  it.each([
    [
      'admin shutdown',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['crash shutdown', { code: '57P02', message: 'x' }],
    ['starting up', { code: '57P03', message: 'the database system is starting up' }],
    ['connection exception class 08', { code: '08006', message: 'x' }],
    ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['refused', { code: 'ECONNREFUSED', syscall: 'connect', message: 'x' }],
    ['socket gone', { code: 'ENOENT', syscall: 'connect', message: 'connect ENOENT /x/.s.PGSQL.5432' }],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped', new Error('append failed', { cause: { code: '57P01', message: 'x' } })],
  ])('given %s, it is a connection error', (_name, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', { code: '23505', message: 'duplicate key' }],
    ['a missing file', { code: 'ENOENT', syscall: 'open', message: 'no such file' }],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('given %s, it is not', (_name, error) => {
    expect(isConnectionError(error)).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof isConnectionError(value) === 'boolean'));
  });
});
