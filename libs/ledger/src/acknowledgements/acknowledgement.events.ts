import type { DomainEvent } from '../common/decider';
import type { ObjectionResolved } from '../notices/notice.events';

export const ACKNOWLEDGEMENT_METHODS = ['signature', 'thumbprint', 'phone', 'online'] as const;
export type AcknowledgementMethod = (typeof ACKNOWLEDGEMENT_METHODS)[number];

/**
 * A household confirmed (or disputed) its statement up to `through`: the total it saw, which was the
 * ledger's total then. A dispute is a grievance (申诉) a clerk answers like an objection; its id is
 * the acknowledgement's. The household's own stream, `acknowledgement-<the household's uuid>`.
 */
export type StatementAcknowledged = DomainEvent<
  'StatementAcknowledged',
  {
    /** `<stream>.a<n>`. */
    acknowledgementId: string;
    householdId: string;
    through: string;
    totalFen: number;
    method: AcknowledgementMethod;
    acknowledgedOn: string;
    disputed: boolean;
    comment?: string;
  }
>;

export type AcknowledgementEvent = StatementAcknowledged | ObjectionResolved;
