import { notFound, type DomainError } from '../common/domain-error';
import type { LeaseDue } from './lease.events';

/** The 404 for a lease id nobody signed. */
export const leaseNotFound = (leaseId: string): DomainError =>
  notFound('LEASE.NOT_FOUND', `No lease ${leaseId}.`, `没有编号为 ${leaseId} 的土地租赁合同。`);

/** A schedule as a response shows it: period, due date and rent. */
export const duesForResponse = (dues: readonly LeaseDue[]): { period: string; dueOn: string; amountFen: number }[] =>
  dues.map(({ period, dueOn, amountFen }) => ({ period, dueOn, amountFen }));
