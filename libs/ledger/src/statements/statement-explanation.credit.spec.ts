import { explainLine, FORM_OF_KIND } from './statement-explanation';

const basis = {
  loanId: 'loan-1',
  lender: '英山县农商银行',
  principalFen: 5_000_000,
  annualRateBp: 435,
  subsidyRateBp: 300,
  interestRepaidFen: 217_500,
  capFen: 150_000,
};

describe('the explanation of an interest subsidy (贴息)', () => {
  it('names the bank, the loan, the rates, the interest repaid and the cap, in Chinese and English', () => {
    const line = {
      kind: 'interest_subsidy' as const,
      basis,
      entityName: '桃园合作社',
      period: '2019',
      amountFen: 150_000,
    };
    expect(explainLine(line, 'zh')).toBe(
      '扶贫小额信贷财政贴息：英山县农商银行贷款 50,000.00 元，投入桃园合作社（户贷企用），年利率 4.35%，' +
        '贴息利率 3.00%；已还利息 2,175.00 元，可贴息至多 1,500.00 元，本次贴息 1,500.00 元',
    );
    expect(explainLine(line, 'en')).toBe(
      'Interest subsidy on a poverty micro-credit loan of 50,000.00 yuan from 英山县农商银行, invested in 桃园合作社 ' +
        'at 4.35%, subsidised at 3.00%: of 2,175.00 yuan interest repaid, at most 1,500.00 yuan is subsidised; ' +
        'this payment 1,500.00 yuan',
    );
  });

  it('says nothing of an entity for a loan for own production, and marks a reversed subsidy', () => {
    const line = {
      kind: 'interest_subsidy' as const,
      basis,
      entityName: '',
      period: '2019',
      amountFen: 1_000,
      reversalReason: '重复录入',
    };
    const text = explainLine(line, 'zh');
    expect(text).not.toContain('户贷企用');
    expect(text).toContain('不算入合计'); // the household's words for a corrected line (glossary)
    expect(FORM_OF_KIND.interest_subsidy).toBe('credit');
  });
});
