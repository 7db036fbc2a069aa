import { KeyedQueue } from './keyed-queue';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('keyed queue', () => {
  it('keeps file order within a key, runs keys in parallel, and never exceeds the limit', async () => {
    const queue = new KeyedQueue(3);
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const task = (key: string, n: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await tick(n % 2 === 0 ? 5 : 1);
      log.push(`${key}${n}`);
      running -= 1;
    };
    for (let n = 0; n < 6; n++) {
      await queue.submit('a', task('a', n));
      await queue.submit(n % 2 === 0 ? 'b' : 'c', task(n % 2 === 0 ? 'b' : 'c', n));
    }
    await queue.drain();
    expect(peak).toBeLessThanOrEqual(3);
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    expect(log.filter((l) => l.startsWith('b'))).toEqual(['b0', 'b2', 'b4']);
    expect(log).toHaveLength(12);
  });

  it('starts nothing after a failure and rethrows it on drain', async () => {
    const queue = new KeyedQueue(2);
    const ran: number[] = [];
    await queue.submit('a', () => Promise.reject(new Error('refused')));
    await queue.submit('a', () => {
      ran.push(1);
      return Promise.resolve();
    });
    await tick(5);
    await expect(queue.submit('b', () => Promise.resolve(void ran.push(2)))).rejects.toThrow('refused');
    await expect(queue.drain()).rejects.toThrow('refused');
    expect(ran).toEqual([]);
  });
});
