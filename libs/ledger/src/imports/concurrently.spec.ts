import { setTimeout as sleep } from 'node:timers/promises';
import { mapConcurrently } from './concurrently';

describe('mapConcurrently', () => {
  it('keeps the order of the items, with at most `limit` calls at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapConcurrently([30, 10, 20, 5, 1], 2, async (ms, i) => {
      running += 1;
      most = Math.max(most, running);
      await sleep(ms);
      running -= 1;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:10', '2:20', '3:5', '4:1']);
    expect(most).toBe(2);
  });

  it('rethrows the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapConcurrently([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        await Promise.resolve();
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
    expect(started).toEqual([1, 2]);
  });
});
