import type { EventStore, VerifyResult } from '@ledger/event-store';
import type { LogSeals, SealsVerification } from '@ledger/event-store/seals/log-seals';

/** The log's tamper evidence, checked both ways: every stream's hash chain, and every seal over the log. */
export interface LogVerification extends VerifyResult {
  seals: SealsVerification;
}

export async function verifyLog(store: EventStore, seals: LogSeals): Promise<LogVerification> {
  const [chains, sealed] = await Promise.all([store.verify(), seals.verify()]);
  const broken = [chains.firstBrokenPosition, sealed.brokenSeal?.fromPosition].filter(
    (p): p is number => p !== undefined,
  );
  return {
    ok: chains.ok && !sealed.brokenSeal,
    eventsChecked: chains.eventsChecked,
    ...(broken.length > 0 ? { firstBrokenPosition: Math.min(...broken) } : {}),
    seals: sealed,
  };
}
