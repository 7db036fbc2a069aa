import { verifyProof, type HashBytes, type PaymentProof } from '@ledger/contract';
import { api, ApiError } from './api';

/**
 * The household's own check of its card, run on its phone: for each payment, fetch the Merkle proof
 * and the published seal roots (`GET /v1/audit/seals`, the list posted on the notice board), and
 * recompute the path here with WebCrypto. The server's word is never taken: it hands over hashes, and
 * the phone does the arithmetic (the same module the CLI and the server use).
 */
export type ProofStatus =
  | { status: 'verified'; sealId: number; root: string }
  | { status: 'unsealed' }
  | { status: 'mismatch'; detail: string };

/** sha256 in the browser: SubtleCrypto (secure contexts: https or localhost). */
export const subtleSha256: HashBytes = async (bytes) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

interface PublishedSeal {
  sealId: number;
  root: string;
}

/** Every published root by seal id, all pages. */
export async function publishedRoots(): Promise<Map<number, string>> {
  const roots = new Map<number, string>();
  let after = 0;
  for (;;) {
    const response = await fetch(`/v1/audit/seals?after=${after}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`seals: HTTP ${response.status}`);
    const page = (await response.json()) as { seals: PublishedSeal[]; next?: number };
    for (const seal of page.seals) roots.set(seal.sealId, seal.root);
    if (page.next === undefined) return roots;
    after = page.next;
  }
}

/** Checks one payment: its proof must lead to the root published for its seal. */
export async function checkPayment(
  paymentId: string,
  token: string,
  roots: ReadonlyMap<number, string>,
  hash: HashBytes = subtleSha256,
): Promise<ProofStatus> {
  let proof: PaymentProof;
  try {
    proof = await api<PaymentProof>(`/v1/payments/${encodeURIComponent(paymentId)}/proof`, { token });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { status: 'unsealed' };
    throw error;
  }
  if (proof.paymentId !== paymentId) return { status: 'mismatch', detail: 'the proof is of another payment' };
  const published = roots.get(proof.seal?.sealId);
  if (published === undefined) return { status: 'mismatch', detail: 'its seal is not among the published roots' };
  const verdict = await verifyProof(hash, proof, published);
  return verdict.ok
    ? { status: 'verified', sealId: proof.seal.sealId, root: verdict.root }
    : { status: 'mismatch', detail: verdict.detail };
}
