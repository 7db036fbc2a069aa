/**
 * Runs tasks with bounded concurrency while keeping the order of tasks that share a key: rows that
 * pay into the same stream are written one after another in file order (so payment numbers come out
 * as in a clean, sequential import), rows for different streams in parallel. After the first
 * failure nothing new starts; `drain` waits for what is running and rethrows it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Waits for a free slot, then schedules `task` after the previous task with the same key. */
  async submit(key: string, task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(() => (this.failure ? undefined : task()))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(run);
        if (this.tails.get(key) === run) this.tails.delete(key);
      });
    this.tails.set(key, run);
    this.running.add(run);
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    if (this.failure) throw this.failure.error;
  }
}
