import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Text } from '../i18n';
import { checkPayment, publishedRoots, type ProofStatus } from '../proof-check';
import type { Statement } from '../types';

/** Each payment's check in this browser against the published seal roots; `error` when it could not run. */
export type Proofs = Record<string, ProofStatus | 'error'>;

/**
 * The household's statement with its own token (a 403/404 means the link is for another household, a
 * 401 that it expired), then each payment on it checked against the published seal roots
 * (proof-check.ts), one by one so the first results show while the rest are still checked.
 */
export function useHouseholdStatement(
  householdId: string | undefined,
  token: string | undefined,
  t: Text,
): { statement?: Statement; error?: string; proofs: Proofs } {
  const [statement, setStatement] = useState<Statement>();
  const [error, setError] = useState<string>();
  const [proofs, setProofs] = useState<Proofs>({});

  useEffect(() => {
    if (!token || !householdId) return;
    setError(undefined);
    api<Statement>(`/v1/households/${encodeURIComponent(householdId)}/statement`, { token }).then(setStatement, (e) => {
      setStatement(undefined);
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) setError(t.notYours);
      else if (e instanceof ApiError && e.status === 401) setError(t.linkExpired);
      else setError(e instanceof Error ? e.message : t.error);
    });
  }, [token, householdId, t]);

  useEffect(() => {
    if (!statement || !token) return;
    let cancelled = false;
    setProofs({});
    publishedRoots().then(
      async (roots) => {
        for (const line of statement.lines) {
          const result = await checkPayment(line.paymentId, token, roots).catch(() => 'error' as const);
          if (cancelled) return;
          setProofs((p) => ({ ...p, [line.paymentId]: result }));
        }
      },
      () => {
        if (!cancelled) setProofs(Object.fromEntries(statement.lines.map((l) => [l.paymentId, 'error' as const])));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [statement, token]);

  return { statement, error, proofs };
}
