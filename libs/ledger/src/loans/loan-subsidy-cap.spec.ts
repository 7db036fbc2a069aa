import fc from 'fast-check';
import { DomainError } from '../common/domain-error';
import { clerkOf, metadataFor } from '../common/testing/actors';
import { addDays } from '../primitives/calendar';
import { interestRepaidFen, oversubsidisedFen, subsidisedFen, subsidyCapFen } from './loan.figures';
import type { LoanEvent } from './loan.events';
import { disbursed, LOAN_ID } from './loan.fixtures';
import { evolveLoan, initialLoanState, type LoanState } from './loan.state';
import { PayInterestSubsidyCommand } from './pay-interest-subsidy/pay-interest-subsidy.command';
import { decidePayInterestSubsidy } from './pay-interest-subsidy/pay-interest-subsidy.decide';
import { RecordLoanRepaymentCommand } from './record-loan-repayment/record-loan-repayment.command';
import { decideRecordLoanRepayment } from './record-loan-repayment/record-loan-repayment.decide';

/*
 * Over random histories of repayments (any order of dates), subsidies and reversals of either, the
 * subsidies the deciders accept never exceed the cap: at each subsidy's own date, the subsidies then
 * standing are at most the interest repaid by that date × subsidy rate ÷ loan rate, rounded down; and
 * when no repayment was reversed, the subsidies standing at the end are within the cap over all.
 */

type Step =
  | { kind: 'repay'; interestFen: number; principalFen: number; day: number }
  | { kind: 'subsidise'; amountFen: number; day: number }
  | { kind: 'reverse'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('repay' as const),
    interestFen: fc.integer({ min: 0, max: 300_000 }),
    principalFen: fc.integer({ min: 0, max: 1_000_000 }),
    day: fc.integer({ min: 0, max: 1000 }),
  }),
  fc.record({
    kind: fc.constant('subsidise' as const),
    amountFen: fc.integer({ min: 1, max: 300_000 }),
    day: fc.integer({ min: 0, max: 1000 }),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);

const actor = metadataFor(clerkOf('城关镇'));

function decide(state: LoanState, s: Step): LoanEvent[] {
  if (state.status !== 'disbursed') throw new Error('no loan');
  switch (s.kind) {
    case 'repay': {
      const principalFen = s.principalFen === 0 && s.interestFen === 0 ? 1 : s.principalFen;
      return decideRecordLoanRepayment(
        new RecordLoanRepaymentCommand(
          {
            loanId: LOAN_ID,
            principalFen,
            interestFen: s.interestFen,
            paidOn: addDays('2018-03-01', s.day),
            paidBy: 'entity',
          },
          actor,
        ),
        state,
      );
    }
    case 'subsidise':
      return decidePayInterestSubsidy(
        new PayInterestSubsidyCommand(
          { loanId: LOAN_ID, amountFen: s.amountFen, paidOn: addDays('2018-03-01', s.day) },
          actor,
        ),
        state,
      );
    case 'reverse': {
      const standing = state.payments.list().filter((p) => p.reversal === undefined);
      if (standing.length === 0) return [];
      const { paymentId } = standing[s.pick % standing.length];
      return [{ type: 'PaymentReversed', data: { paymentId, reversalId: `${paymentId}.r`, reason: '更正' } }];
    }
  }
}

describe('interest subsidies never exceed the cap (property)', () => {
  it.each([
    ['the full rate', 435],
    ['part of the rate', 289],
  ])('at %s, over random repayment histories with reversals', (_, rateBp) => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = evolveLoan(initialLoanState, disbursed({ subsidy: { rateBp, payer: 'county' } }));
        let repaymentReversed = false;
        for (const s of steps) {
          let events: LoanEvent[];
          try {
            events = decide(state, s);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            continue;
          }
          for (const event of events) {
            if (event.type === 'PaymentReversed' && state.status === 'disbursed') {
              repaymentReversed ||= state.repayments.some((r) => r.paymentId === event.data.paymentId);
            }
            state = evolveLoan(state, event);
            if (state.status !== 'disbursed') throw new Error('no loan');
            if (event.type === 'LoanInterestSubsidised') {
              const cap = subsidyCapFen(state, interestRepaidFen(state, event.data.paidOn));
              expect(event.data.capFen).toBe(cap);
              expect(subsidisedFen(state)).toBeLessThanOrEqual(cap);
            }
          }
        }
        if (state.status !== 'disbursed') throw new Error('no loan');
        const overall = subsidyCapFen(state, interestRepaidFen(state));
        if (!repaymentReversed) {
          expect(subsidisedFen(state)).toBeLessThanOrEqual(overall);
          expect(oversubsidisedFen(state)).toBe(0);
        }
        expect(subsidisedFen(state) - oversubsidisedFen(state)).toBeLessThanOrEqual(overall);
      }),
      { numRuns: 300 },
    );
  });

  it('a subsidy is refused exactly when it would pass the cap at its date', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ interestFen: fc.integer({ min: 1, max: 100_000 }), day: fc.integer({ min: 0, max: 500 }) }),
          {
            maxLength: 10,
          },
        ),
        fc.integer({ min: 1, max: 600_000 }),
        fc.integer({ min: 0, max: 500 }),
        (repayments, amountFen, day) => {
          let state = evolveLoan(initialLoanState, disbursed());
          for (const r of repayments) {
            state = decide(state, { kind: 'repay', principalFen: 0, ...r }).reduce(evolveLoan, state);
          }
          const paidOn = addDays('2018-03-01', day);
          const byThen = repayments
            .filter((r) => addDays('2018-03-01', r.day) <= paidOn)
            .reduce((sum, r) => sum + r.interestFen, 0);
          const accepted = (() => {
            try {
              return decide(state, { kind: 'subsidise', amountFen, day }).length === 1;
            } catch {
              return false;
            }
          })();
          expect(accepted).toBe(amountFen <= byThen);
        },
      ),
    );
  });
});
