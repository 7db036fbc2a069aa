import { nameBasedUuid } from '../common/ids';
import { IdPipe } from '../http/id.pipe';

/**
 * A loan with a contract number has an id derived from its lender and number (借款合同号 is unique
 * per lender), so the stream itself refuses a second loan on the same contract, as a household's id
 * does for its registration number. Without a number the controller draws one from the command.
 */
export const loanIdForContract = (lender: string, contractNo: string): string =>
  `loan-${nameBasedUuid('loan', lender.trim(), contractNo.trim())}`;

export const LoanIdPipe = IdPipe('loan', '扶贫小额贷款');
