/**
 * Splitting an amount of fen over claims in proportion to weights, to the fen, with nothing lost or
 * created: a dividend pool over the stakes active on the record date (weights: shares), or a payment
 * on a declaration over the household's stakes in it (weights: their allocations).
 */

import type { Fen } from './money';

/** One claim on an amount: a stable key (a stake id) and its weight (shares; a non-negative integer). */
export interface AllocationClaim {
  readonly key: string;
  readonly weight: bigint | number;
}

/** What one claim receives, in fen. */
export interface Allocation {
  readonly key: string;
  readonly amountFen: Fen;
}

function toWeight(weight: bigint | number, key: string): bigint {
  if (typeof weight === 'bigint') {
    if (weight < 0n) throw new RangeError(`allocateLargestRemainder: negative weight for ${key}`);
    return weight;
  }
  if (!Number.isSafeInteger(weight) || weight < 0) {
    throw new RangeError(`allocateLargestRemainder: weight for ${key} is not a non-negative safe integer: ${weight}`);
  }
  return BigInt(weight);
}

/**
 * Splits `totalFen` over `claims` by the largest-remainder method and returns one allocation per claim,
 * in the claims' order. Each claim first gets floor(total × weight / Σweight); the fen left over (fewer
 * than the number of claims) go one each to the claims with the largest remainders, ties broken by key
 * ascending (plain string comparison, then claim order for equal keys). A claim of weight 0 gets 0.
 *
 * The allocations add up to `totalFen` exactly and each is within one fen of its exact proportion.
 * Throws `RangeError` if `totalFen` is not a non-negative safe integer, a weight is negative or not an
 * integer, or the weights add up to zero (including no claims at all).
 */
export function allocateLargestRemainder(totalFen: Fen, claims: readonly AllocationClaim[]): Allocation[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) {
    throw new RangeError(`allocateLargestRemainder: total is not a non-negative safe integer: ${totalFen}`);
  }
  const weights = claims.map((c) => toWeight(c.weight, c.key));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('allocateLargestRemainder: the weights add up to zero');

  const total = BigInt(totalFen);
  const amounts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let leftover = total - amounts.reduce((a, b) => a + b, 0n);

  const order = claims.map((_, i) => i);
  order.sort((i, j) => {
    if (remainders[i] !== remainders[j]) return remainders[i] > remainders[j] ? -1 : 1;
    const a = claims[i].key;
    const b = claims[j].key;
    if (a !== b) return a < b ? -1 : 1;
    return i - j;
  });
  for (const i of order) {
    if (leftover === 0n) break;
    amounts[i] += 1n;
    leftover -= 1n;
  }
  return claims.map((c, i) => ({ key: c.key, amountFen: Number(amounts[i]) }));
}
