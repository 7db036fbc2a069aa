import { PayDistributionCommand } from '../../collectives/pay-distribution/pay-distribution.command';
import { decidePayDistribution } from '../../collectives/pay-distribution/pay-distribution.decide';
import { PayDistributionRequest } from '../../collectives/pay-distribution/pay-distribution.dto';
import { distribution } from '../../collectives/distribution.state';
import { allocationPaymentRows } from './allocation-payment-rows';

/** 村集体二次分配发放表: one household's share paid per row against the distribution (PayDistributionCommand). */
export const distributionRows = allocationPaymentRows({
  kind: 'distributions',
  param: 'distributionId',
  request: PayDistributionRequest,
  evolver: distribution,
  command: (distributionId, payment, metadata) => new PayDistributionCommand({ distributionId, ...payment }, metadata),
  decide: decidePayDistribution,
  townshipOf: (state, householdId) =>
    state.status === 'declared' ? state.allocations.find((a) => a.householdId === householdId)?.township : undefined,
  paidEvent: 'DistributionPaid',
});
