/**
 * Merkle roots and inclusion proofs over a seal's range, in one module that the server, `ledger-cli
 * proof verify` and the household's phone (the browser) all run, so a proof checked anywhere is checked
 * by the same arithmetic. Nothing in here may reach Node: the hash function is a parameter (node:crypto
 * on the server and in the CLI, WebCrypto's SubtleCrypto in the browser), and bytes are Uint8Array.
 *
 * The rules (api.md part 2, "Erasure and proof"): a leaf is the event's stored hash; a parent is
 * sha256(left ‖ right) over the raw bytes; an odd node at the end of a level is carried up unchanged.
 * Hashes travel as lowercase hex.
 */

/** sha256 (or any digest) over raw bytes; may be asynchronous (SubtleCrypto is). */
export type HashBytes = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export const MERKLE_ALGORITHM = 'sha256';

/** One step of a path: `left` means `hash` is the left operand, the running hash the right one. */
export interface MerkleStep {
  side: 'left' | 'right';
  hash: string;
}

const HEX = /^(?:[0-9a-f]{2})*$/;

export function isHex(text: unknown, bytes?: number): text is string {
  return typeof text === 'string' && HEX.test(text) && (bytes === undefined || text.length === bytes * 2);
}

export function fromHex(hex: string): Uint8Array {
  if (!isHex(hex)) throw new Error(`not lowercase hex: ${String(hex).slice(0, 80)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

async function parent(hash: HashBytes, left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left, 0);
  joined.set(right, left.length);
  return await hash(joined);
}

/** The next level up: pairs joined, an odd last node carried up unchanged. */
async function levelUp(hash: HashBytes, level: Uint8Array[]): Promise<Uint8Array[]> {
  const next: Uint8Array[] = [];
  for (let i = 0; i < level.length; i += 2) {
    next.push(i + 1 < level.length ? await parent(hash, level[i], level[i + 1]) : level[i]);
  }
  return next;
}

/** The root over the leaves (hex), in log order. A range of one event has that event's hash as root. */
export async function merkleRoot(hash: HashBytes, leaves: readonly string[]): Promise<string> {
  if (leaves.length === 0) throw new Error('a Merkle root needs at least one leaf');
  let level = leaves.map(fromHex);
  while (level.length > 1) level = await levelUp(hash, level);
  return toHex(level[0]);
}

/** The path from leaf `index` to the root: the sibling at each level that has one, bottom up. */
export async function merklePath(hash: HashBytes, leaves: readonly string[], index: number): Promise<MerkleStep[]> {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf ${index} is not in a range of ${leaves.length}`);
  }
  const path: MerkleStep[] = [];
  let level = leaves.map(fromHex);
  let at = index;
  while (level.length > 1) {
    const sibling = at % 2 === 0 ? at + 1 : at - 1;
    // An odd last node has no sibling: it is carried up, and the path has no step for that level.
    if (sibling < level.length) path.push({ side: at % 2 === 0 ? 'right' : 'left', hash: toHex(level[sibling]) });
    level = await levelUp(hash, level);
    at = Math.floor(at / 2);
  }
  return path;
}

/** Folds a path over a leaf: the root it leads to (hex). Throws on hashes that are not hex. */
export async function rootOfPath(hash: HashBytes, leaf: string, path: readonly MerkleStep[]): Promise<string> {
  let running = fromHex(leaf);
  for (const step of path) {
    const other = fromHex(step.hash);
    running = step.side === 'left' ? await parent(hash, other, running) : await parent(hash, running, other);
  }
  return toHex(running);
}

/** A payment's proof as `GET /v1/payments/{id}/proof` answers it. */
export interface PaymentProof {
  paymentId: string;
  position: number;
  eventHash: string;
  algorithm: typeof MERKLE_ALGORITHM;
  seal: { sealId: number; root: string; fromPosition: number; toPosition: number; sealedAt: string };
  path: MerkleStep[];
}

/** Why a proof does not hold, in words a county auditor reads; `ok` when it does. */
export type ProofVerdict =
  | { ok: true; root: string }
  | { ok: false; reason: 'malformed' | 'position_outside_seal' | 'root_mismatch' | 'not_published'; detail: string };

/**
 * Checks a proof without trusting whoever handed it over: the shape, that the event's position lies in
 * the seal's range, that the path folds to the seal's root, and, when `publishedRoot` is given (from a
 * notice board, `GET /v1/audit/seals` or `--root`), that the root is that one.
 */
export async function verifyProof(hash: HashBytes, proof: unknown, publishedRoot?: string): Promise<ProofVerdict> {
  const problem = malformation(proof);
  if (problem) return { ok: false, reason: 'malformed', detail: problem };
  const p = proof as PaymentProof;
  if (p.position < p.seal.fromPosition || p.position > p.seal.toPosition) {
    return {
      ok: false,
      reason: 'position_outside_seal',
      detail: `position ${p.position} is outside the seal's range ${p.seal.fromPosition}–${p.seal.toPosition}`,
    };
  }
  const root = await rootOfPath(hash, p.eventHash, p.path);
  if (root !== p.seal.root) {
    return {
      ok: false,
      reason: 'root_mismatch',
      detail: `the path leads to ${root}, not the seal's root ${p.seal.root}`,
    };
  }
  if (publishedRoot !== undefined && publishedRoot.toLowerCase() !== root) {
    return {
      ok: false,
      reason: 'not_published',
      detail: `the proof's root ${root} is not the published ${publishedRoot}`,
    };
  }
  return { ok: true, root };
}

function malformation(proof: unknown): string | undefined {
  if (proof === null || typeof proof !== 'object') return 'a proof is a JSON object';
  const p = proof as Record<string, unknown>;
  if (p.algorithm !== MERKLE_ALGORITHM) return `algorithm must be "${MERKLE_ALGORITHM}"`;
  if (!Number.isSafeInteger(p.position)) return 'position must be an integer';
  if (!isHex(p.eventHash, 32)) return 'eventHash must be 64 lowercase hex digits';
  const seal = p.seal as Record<string, unknown> | null | undefined;
  if (!seal || typeof seal !== 'object') return 'seal is missing';
  if (!isHex(seal.root, 32)) return 'seal.root must be 64 lowercase hex digits';
  if (!Number.isSafeInteger(seal.fromPosition) || !Number.isSafeInteger(seal.toPosition)) {
    return 'seal.fromPosition and seal.toPosition must be integers';
  }
  if (!Array.isArray(p.path)) return 'path must be a list';
  for (const [i, step] of (p.path as unknown[]).entries()) {
    const s = step as Record<string, unknown> | null;
    if (!s || (s.side !== 'left' && s.side !== 'right') || !isHex(s.hash, 32)) {
      return `path[${i}] must be {side: left|right, hash: 64 lowercase hex digits}`;
    }
  }
  return undefined;
}
