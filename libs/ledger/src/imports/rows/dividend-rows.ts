import { PayDividendCommand } from '../../dividends/pay-dividend/pay-dividend.command';
import { decidePayDividend } from '../../dividends/pay-dividend/pay-dividend.decide';
import { PayDividendRequest } from '../../dividends/pay-dividend/pay-dividend.dto';
import { dividend, townshipOf } from '../../dividends/dividend.state';
import { allocationPaymentRows } from './allocation-payment-rows';

/** 分红表: one dividend payment per row against the declaration (PayDividendCommand). */
export const dividendRows = allocationPaymentRows({
  kind: 'dividends',
  param: 'declarationId',
  request: PayDividendRequest,
  evolver: dividend,
  command: (declarationId, payment, metadata) => new PayDividendCommand({ declarationId, ...payment }, metadata),
  decide: decidePayDividend,
  townshipOf: (state, householdId) => (state.status === 'declared' ? townshipOf(state, householdId) : undefined),
  paidEvent: 'DividendPaid',
});
