import type { Evolver } from '../common/decider';
import type { BankFileReconciled, ReconciliationEvent } from './reconciliation.events';

/**
 * A reconciliation's stream holds its one event: a retry finds it kept, and applies the returns
 * that kept event decided (not those a fresh plan would decide now).
 */
export const reconciliationStream: Evolver<{ kept?: BankFileReconciled['data'] }, ReconciliationEvent> = {
  initialState: {},
  evolve: (_, event) => ({ kept: event.data }),
};
