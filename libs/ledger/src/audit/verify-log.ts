import type { EventStore, VerifyResult } from '@ledger/event-store';
import type { LogSeals, SealsVerification } from '@ledger/event-store/seals/log-seals';

/** The log's tamper evidence, checked both ways: every stream's hash chain, and every seal over the log. */
export interface LogVerification extends VerifyResult {
  /**
   * What named `firstBrokenPosition`: `chain`, the first event whose hash or place in its stream's
   * chain does not match (exact); `seal`, only a seal broke (every chain was rewritten consistently, or
   * a whole stream removed), so the position is the start of that seal's range: a seal holds one hash
   * over its range and cannot say which event in it changed.
   */
  firstBrokenBy?: 'chain' | 'seal';
  seals: SealsVerification;
}

export async function verifyLog(store: EventStore, seals: LogSeals): Promise<LogVerification> {
  const [chains, sealed] = await Promise.all([store.verify(), seals.verify()]);
  // Not the lower of the two: a broken seal's range starts at its first event, which would name
  // position 1 for an edit at position 44.
  const first =
    chains.firstBrokenPosition !== undefined
      ? { firstBrokenPosition: chains.firstBrokenPosition, firstBrokenBy: 'chain' as const }
      : sealed.brokenSeal
        ? { firstBrokenPosition: sealed.brokenSeal.fromPosition, firstBrokenBy: 'seal' as const }
        : {};
  return {
    ok: chains.ok && !sealed.brokenSeal,
    eventsChecked: chains.eventsChecked,
    ...first,
    seals: sealed,
  };
}
