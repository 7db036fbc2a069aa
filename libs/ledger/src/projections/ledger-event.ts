import type { DistributionDeclared, DistributionPaid } from '../collectives/collective.events';
import type { AcknowledgementEvent } from '../acknowledgements/acknowledgement.events';
import type { CountyContactEvent } from '../counties/county-contact.events';
import type { DividendEvent } from '../dividends/dividend.events';
import type { EmploymentEvent } from '../employment/employment.events';
import type { EntityRegistered } from '../entities/entity.events';
import type { HouseholdEvent } from '../households/household.events';
import type { LeaseEvent } from '../leases/lease.events';
import type { LoanEvent } from '../loans/loan.events';
import type { NoticeEvent, NoticeHoldChanged } from '../notices/notice.events';
import type { OrderEvent } from '../orders/order.events';
import type { ProjectEvent } from '../projects/project.events';
import type { ReconciliationEvent } from '../reconciliations/reconciliation.events';
import type { StakeEvent } from '../stakes/stake.events';
import type { UserEvent } from '../auth/user.events';

/**
 * Every event the ledger records. A new event type goes here, and then every projection's
 * `handledTypes` list is a type error until it says whether it handles or ignores the new type.
 */
export type LedgerEvent =
  | HouseholdEvent
  | EntityRegistered
  | ProjectEvent
  | StakeEvent
  | DividendEvent
  | DistributionDeclared
  | DistributionPaid
  | LeaseEvent
  | EmploymentEvent
  | OrderEvent
  | LoanEvent
  | CountyContactEvent
  | ReconciliationEvent
  | UserEvent
  | NoticeEvent
  | NoticeHoldChanged
  | AcknowledgementEvent;

export type LedgerEventType = LedgerEvent['type'];

/**
 * A projection's decision for every event type of the ledger: `handles` exactly for the types of
 * `Handled` (the union its `apply` switches over), `ignores` for all the others.
 */
export type EventTypeChoices<Handled extends LedgerEventType> = {
  readonly [Type in LedgerEventType]: Type extends Handled ? 'handles' : 'ignores';
};

/**
 * The event types a projection handles, made from its choice for every type of the ledger, so the
 * list, the union it switches over and the ledger's events cannot drift apart: a type missing from
 * `choices`, or marked against the union, does not compile.
 */
export function handledTypes<Event extends LedgerEvent>(
  choices: EventTypeChoices<Event['type']>,
): readonly Event['type'][] {
  return (Object.keys(choices) as LedgerEventType[]).filter((type) => choices[type] === 'handles');
}
