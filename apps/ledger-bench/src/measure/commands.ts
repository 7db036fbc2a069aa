import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { newCommandId } from '@ledger/ledger/common/ids';
import type { CommandMetadata } from '@ledger/ledger/common/stream-writer';
import { RecordWagePaymentCommand } from '@ledger/ledger/employment/record-wage-payment/record-wage-payment.command';
import { AppModule } from '../../../ledger-api/src/app.module';
import { SEED_ACTOR } from '../seed/city-seeder';
import { inParallel, ratePerSecond, repeat, type Spread } from '../stats';

/**
 * Wage payments for months after the city's last: each employment still running gets the next month,
 * round-robin, so concurrent writers never pay the same employment at once.
 */
export class WagePayments {
  private next = 0;
  private readonly months: number[];

  constructor(
    private readonly employments: readonly { id: string; rateFen: number; daily: boolean }[],
    private readonly firstMonth: string,
  ) {
    this.months = employments.map(() => 0);
  }

  /** How many employments the payments go round. */
  get streams(): number {
    return this.employments.length;
  }

  take(): { employmentId: string; body: { period: string; amountFen: number; paidOn: string; daysWorked?: number } } {
    const i = this.next++ % this.employments.length;
    const e = this.employments[i];
    const offset = this.months[i]++;
    const [y0, m0] = this.firstMonth.split('-').map(Number);
    const index = y0 * 12 + (m0 - 1) + offset;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const period = `${y}-${String(m).padStart(2, '0')}`;
    const paid = m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, '0')}-10`;
    return {
      employmentId: e.id,
      body: {
        period,
        amountFen: e.daily ? e.rateFen * 20 : e.rateFen,
        paidOn: paid,
        ...(e.daily ? { daysWorked: 20 } : {}),
      },
    };
  }
}

export interface BusResults {
  bus: Spread;
  bus8: Spread;
}

/** The API's module as an application context (no HTTP), its projections left to the benchmark. */
export async function startLedgerContext(env: Record<string, string>): Promise<INestApplicationContext> {
  Object.assign(process.env, env, { LEDGER_INLINE_PROJECTIONS: 'false', LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  await app.init();
  return app;
}

export async function measureBus(
  app: INestApplicationContext,
  payments: WagePayments,
  sizes: { bus: number; bus8: number },
  runs: number,
  log: (line: string) => void,
): Promise<BusResults> {
  const commands = app.get(CommandBus);
  const pay = async () => {
    const { employmentId, body } = payments.take();
    const commandId = newCommandId();
    const metadata: CommandMetadata = {
      actor: SEED_ACTOR,
      commandId,
      issuedAt: new Date().toISOString(),
      correlationId: commandId,
      causationId: commandId,
    };
    await commands.execute(new RecordWagePaymentCommand({ employmentId, ...body }, metadata));
  };
  await warmUp(payments.streams, pay, 'command bus', log);
  log(`command bus: wage payments one at a time, ${sizes.bus} × ${runs}`);
  const bus = await repeat(
    runs,
    () =>
      ratePerSecond(sizes.bus, async () => {
        for (let i = 0; i < sizes.bus; i++) await pay();
      }),
    true,
  );
  log(`command bus: wage payments from 8 callers, ${sizes.bus8} × ${runs}`);
  const bus8 = await repeat(runs, () =>
    ratePerSecond(sizes.bus8, () => inParallel(Array.from({ length: sizes.bus8 }), 8, pay)),
  );
  return { bus, bus8 };
}

/**
 * One payment on every employment, 8 at a time, untimed: a running service has read the streams it
 * writes to before (FoldedStreams), and the 1- and 8-caller runs after it then meet them alike, where
 * otherwise the first run would read each stream whole and the later ones not. The pass's own rate,
 * every stream's first write since the process started, is logged.
 */
export async function warmUp(
  streams: number,
  pay: () => Promise<void>,
  what: string,
  log: (line: string) => void,
): Promise<void> {
  const rate = await ratePerSecond(streams, () => inParallel(Array.from({ length: streams }), 8, pay));
  log(`${what}: first payment on each of ${streams} employments, 8 at a time: ${Math.round(rate)}/s (untimed warm-up)`);
}
