import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { merklePath, merkleRoot, rootOfPath, verifyProof, type PaymentProof } from './merkle';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const h = (text: string) => createHash('sha256').update(text).digest('hex');
const join = (a: string, b: string) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(a, 'hex'), Buffer.from(b, 'hex')]))
    .digest('hex');

const leafHex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const range = fc.array(leafHex, { minLength: 1, maxLength: 40 });

async function proofFor(leaves: string[], index: number): Promise<PaymentProof> {
  return {
    paymentId: 'payment-1',
    position: 100 + index,
    eventHash: leaves[index],
    algorithm: 'sha256',
    seal: {
      sealId: 1,
      root: await merkleRoot(sha256, leaves),
      fromPosition: 100,
      toPosition: 100 + leaves.length - 1,
      sealedAt: '2026-12-06T00:00:00.000Z',
    },
    path: await merklePath(sha256, leaves, index),
  };
}

describe('Merkle root and inclusion proofs', () => {
  it('given three leaves, the odd third is carried up unchanged: root = H(H(a‖b) ‖ c)', async () => {
    const [a, b, c] = [h('a'), h('b'), h('c')];
    expect(await merkleRoot(sha256, [a, b, c])).toBe(join(join(a, b), c));
    expect(await merklePath(sha256, [a, b, c], 2)).toEqual([{ side: 'left', hash: join(a, b) }]);
    expect(await merklePath(sha256, [a, b, c], 1)).toEqual([
      { side: 'left', hash: a },
      { side: 'right', hash: c },
    ]);
  });

  it('WebCrypto’s SubtleCrypto (what the phone uses) gives the same roots and verdicts as node:crypto', async () => {
    const subtle = async (bytes: Uint8Array) => new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
    await fc.assert(
      fc.asyncProperty(range, fc.nat(), async (leaves, pick) => {
        const root = await merkleRoot(sha256, leaves);
        expect(await merkleRoot(subtle, leaves)).toBe(root);
        expect(await verifyProof(subtle, await proofFor(leaves, pick % leaves.length), root)).toEqual({
          ok: true,
          root,
        });
      }),
      { numRuns: 30 },
    );
  });

  it('given one leaf, the root is the leaf and the path is empty', async () => {
    expect(await merkleRoot(sha256, [h('a')])).toBe(h('a'));
    expect(await merklePath(sha256, [h('a')], 0)).toEqual([]);
  });

  it('every leaf of a random range proves against the root', async () => {
    await fc.assert(
      fc.asyncProperty(range, async (leaves) => {
        const root = await merkleRoot(sha256, leaves);
        for (let i = 0; i < leaves.length; i++) {
          expect(await rootOfPath(sha256, leaves[i], await merklePath(sha256, leaves, i))).toBe(root);
          expect(await verifyProof(sha256, await proofFor(leaves, i), root)).toEqual({ ok: true, root });
        }
      }),
    );
  });

  it('no altered leaf proves: a tampered event hash, a flipped side or a sibling changed fails', async () => {
    await fc.assert(
      fc.asyncProperty(range, fc.nat(), fc.nat(255), async (leaves, pick, bit) => {
        const index = pick % leaves.length;
        const proof = await proofFor(leaves, index);
        const flip = (hex: string) => {
          const bytes = Buffer.from(hex, 'hex');
          bytes[bit % 32] ^= 1 << (bit % 8);
          return bytes.toString('hex');
        };
        expect(await verifyProof(sha256, { ...proof, eventHash: flip(proof.eventHash) })).toMatchObject({
          ok: false,
          reason: 'root_mismatch',
        });
        if (proof.path.length > 0) {
          const k = bit % proof.path.length;
          const sides = proof.path.map((s, i) => (i === k ? { ...s, side: s.side === 'left' ? 'right' : 'left' } : s));
          const siblings = proof.path.map((s, i) => (i === k ? { ...s, hash: flip(s.hash) } : s));
          // A flipped side claims another place in the range (random leaves never collide).
          expect((await verifyProof(sha256, { ...proof, path: sides })).ok).toBe(false);
          expect((await verifyProof(sha256, { ...proof, path: siblings })).ok).toBe(false);
        }
      }),
    );
  });

  it('a wrong root, a wrong position or a malformed proof fails, with the reason', async () => {
    const leaves = [h('a'), h('b'), h('c'), h('d'), h('e')];
    const proof = await proofFor(leaves, 3);
    expect(await verifyProof(sha256, proof, h('not the root'))).toMatchObject({ ok: false, reason: 'not_published' });
    expect(await verifyProof(sha256, { ...proof, seal: { ...proof.seal, root: h('x') } })).toMatchObject({
      ok: false,
      reason: 'root_mismatch',
    });
    expect(await verifyProof(sha256, { ...proof, position: 99 })).toMatchObject({
      ok: false,
      reason: 'position_outside_seal',
    });
    // Another position's event hash with this position's path: the leaf is not where the path says.
    expect(await verifyProof(sha256, { ...proof, eventHash: leaves[2] })).toMatchObject({ ok: false });
    expect(await verifyProof(sha256, { ...proof, algorithm: 'md5' })).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verifyProof(sha256, { ...proof, path: [{ side: 'up', hash: h('a') }] })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
