import { entity, type EntityEvent, type EntityState } from '../entities/entity.state';
import { Payments } from '../payments/payment';
import type { Reversible } from '../payments/reverse-payment/reverse-payment.decide';
import { entityOfStake } from './stake-id';

/**
 * A stake's guarantee top-ups as a payment linkage, so that reversals and the bank's returns and
 * reissues treat them as every other payment: the payments live in the entity's stream, under the
 * stake, and concern the stake's household (its township scopes clerks).
 */
export function stakeTopUps(stakeId: string): Reversible<EntityState, EntityEvent> {
  const township = (state: EntityState) =>
    state.status === 'registered' ? state.stakes[stakeId]?.township : undefined;
  return {
    evolver: entity,
    stream: entityOfStake(stakeId) ?? stakeId,
    payments: (state) => (state.status === 'registered' ? (state.topups[stakeId] ?? Payments.none) : Payments.none),
    township,
    townshipOfPayment: township,
  };
}
