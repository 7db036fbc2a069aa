import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LogSeals } from '@ledger/event-store/seals/log-seals';
import { RuntimeConfig } from '@ledger/runtime';

/**
 * Seals the log every LEDGER_SEAL_INTERVAL_SECONDS while the API runs, so that at most that much of
 * the log is protected by its streams' hash chains alone. Replicas may all run it: two sealers that
 * reach for the same seal number leave one seal.
 */
@Injectable()
export class LogSealing implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LogSealing');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly seals: LogSeals,
    private readonly config: RuntimeConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.LEDGER_SEAL_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sealOnce());
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sealOnce(): Promise<void> {
    try {
      const seal = await this.seals.seal();
      if (seal) this.logger.log(`sealed the log up to position ${seal.upToPosition} (seal ${seal.sealNo})`);
    } catch (error) {
      // The next interval tries again; nothing is lost by a seal made later.
      this.logger.warn(`sealing the log failed: ${(error as Error).message}`);
    }
  }
}
