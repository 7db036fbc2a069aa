import { loan } from '../../loans/loan.state';
import type { RepaidBy } from '../../loans/loan.events';
import { RecordLoanRepaymentCommand } from '../../loans/record-loan-repayment/record-loan-repayment.command';
import { decideRecordLoanRepayment } from '../../loans/record-loan-repayment/record-loan-repayment.decide';
import { RecordLoanRepaymentRequest } from '../../loans/record-loan-repayment/record-loan-repayment.dto';
import { cellText, isBlank, parseAmountOrZeroCell, parseDateCell, parseTextCell, parseWordCell } from '../roster/cells';
import type { LoanTerms } from '../linkage-directory';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, paymentResult, refuseRow, rowPlan, type RowKind } from './row-plan';

export interface LoanRepaymentFields {
  registrationNo: string;
  contractNo?: string;
  principalFen: number;
  interestFen: number;
  paidOn: string;
  paidBy: RepaidBy;
  reference?: string;
}

const PAID_BY_WORDS: Record<string, RepaidBy> = {
  农户: 'household',
  本户: 'household',
  贫困户: 'household',
  借款人: 'household',
  经营主体: 'entity',
  企业: 'entity',
  合作社: 'entity',
  入股主体: 'entity',
  household: 'household',
  entity: 'entity',
};

/**
 * 扶贫小额信贷还款清单 (the bank's repayment list): one repayment per row
 * (RecordLoanRepaymentCommand), to the loan its contract number names, or, without one, to the
 * household's only loan.
 */
export const loanRepaymentRows: RowKind<LoanRepaymentFields> = {
  kind: 'loan-repayments',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const contractNo = isBlank(record.get('contractNo')) ? undefined : cellText(record.get('contractNo'));
    const principalFen = c.take('principal', parseAmountOrZeroCell(record.get('principal')));
    const interestFen = c.take('interest', parseAmountOrZeroCell(record.get('interest')));
    const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
    const paidBy = c.take(
      'paidBy',
      parseWordCell(record.get('paidBy'), PAID_BY_WORDS, {
        en: 'household (农户) or entity (经营主体)',
        zh: '“农户”或“经营主体”',
      }),
    );
    const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: LoanRepaymentFields = {
      registrationNo: registrationNo!,
      ...(contractNo === undefined ? {} : { contractNo }),
      principalFen: principalFen!,
      interestFen: interestFen!,
      paidOn: paidOn!,
      paidBy: paidBy!,
      ...(reference === undefined ? {} : { reference }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: _r, contractNo: _c, ...body } = fields;
    const problems = checkAsRequest(RecordLoanRepaymentRequest, body, {
      principalFen: 'principal',
      interestFen: 'interest',
      paidOn: 'paidOn',
      paidBy: 'paidBy',
      reference: 'reference',
    });
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const chosen = loanOfRow(fields, found.headName, await context.directory.loans(found.householdId));
    const { registrationNo: _r, contractNo: _c, ...repayment } = fields;
    const command = new RecordLoanRepaymentCommand({ loanId: chosen.loanId, ...repayment }, context.metadata);
    return rowPlan({
      streamId: chosen.loanId,
      evolver: loan,
      command,
      decide: (state) => decideRecordLoanRepayment(command, state),
      township: () => found.township,
      resultId: paymentResult('LoanRepaid', chosen.loanId),
      columns: {
        fields: { paidBy: 'paidBy', paidOn: 'paidOn', principalFen: 'principal' },
        forbidden: 'registrationNo',
        notFound: 'contractNo',
        otherwise: 'principal',
      },
    });
  },
};

/** The loan a row repays: the one with its contract number, else the household's only loan. */
function loanOfRow(fields: LoanRepaymentFields, headName: string, loans: readonly LoanTerms[]): LoanTerms {
  const who = `${headName}户（${fields.registrationNo}）`;
  if (fields.contractNo !== undefined) {
    const named = loans.filter((l) => l.contractNo === fields.contractNo);
    if (named.length === 1) return named[0];
    if (named.length > 1) {
      throw refuseRow(
        'contractNo',
        'IMPORT.AMBIGUOUS_LOAN',
        `Household ${fields.registrationNo} has ${named.length} loans with contract number ${fields.contractNo} (from different banks); record this repayment through the API.`,
        `${who}有 ${named.length} 笔借款合同号为 ${fields.contractNo} 的贷款（不同银行），无法确定，请逐笔录入。`,
      );
    }
    throw refuseRow(
      'contractNo',
      'IMPORT.NO_LOAN',
      `Household ${fields.registrationNo} has no loan with contract number ${fields.contractNo}; record the loan first or correct the number.`,
      `${who}没有借款合同号为 ${fields.contractNo} 的贷款，请先登记该贷款或更正合同号。`,
    );
  }
  if (loans.length === 1) return loans[0];
  throw refuseRow(
    'contractNo',
    loans.length === 0 ? 'IMPORT.NO_LOAN' : 'IMPORT.AMBIGUOUS_LOAN',
    loans.length === 0
      ? `Household ${fields.registrationNo} has no loan recorded; record the loan first.`
      : `Household ${fields.registrationNo} has ${loans.length} loans; write the contract number (借款合同号).`,
    loans.length === 0 ? `${who}没有登记贷款，请先登记贷款。` : `${who}有 ${loans.length} 笔贷款，请填写借款合同号。`,
  );
}
