import type { LedgerEvent, LedgerEventType } from '../projections/ledger-event';

/**
 * What counts as a household's personal data (PIPL), declared once per event type: the head's and
 * workers' names and every free-text field of the household's events (reasons, comments, objection
 * texts). Registration number, village, members, amounts, dates and ids stay readable: the ledger's
 * totals and an auditor's trail need them, and api.md part 2 keeps them.
 *
 * Every event type of the ledger must appear (a new one does not compile until it says), with:
 * - `fields`: the string fields of its data that are personal (typed: only keys of its data);
 * - `household`: whose key seals them: `'householdId'` (the data names the household), `'stream'`
 *   (the household of the linkage the event is appended to; on a dividend declaration's stream, which
 *   concerns many households, the household paid by the payment the event names), or `'none'` (it concerns no household:
 *   entity, project, user events; their `fields` must then be empty).
 *
 * Sealed where events are written and opened where they are read by `PersonalDataEventStore`
 * (personal-data-event-store.ts), which wraps the event store every path uses; see the README, "Erasure".
 */
type DataOf<Type extends LedgerEventType> = Extract<LedgerEvent, { type: Type }>['data'];
type StringKeys<Data> = { [K in keyof Data]-?: NonNullable<Data[K]> extends string ? K : never }[keyof Data];

export interface PersonalFieldsOf<Type extends LedgerEventType> {
  readonly fields: readonly StringKeys<DataOf<Type>>[];
  /** `'householdId'` is offered only where the event's data has that field (checked by the compiler). */
  readonly household: ('householdId' extends StringKeys<DataOf<Type>> ? 'householdId' : never) | 'stream' | 'none';
}

export type PersonalFieldDeclarations = { readonly [Type in LedgerEventType]: PersonalFieldsOf<Type> };

export { ERASED } from './erased';

export const personalFields: PersonalFieldDeclarations = {
  HouseholdRegistered: { fields: ['headName'], household: 'householdId' },
  HouseholdStatusChanged: { fields: ['reason'], household: 'householdId' },
  // The admin's reason for erasing (a ticket number, the date of the request): not the household's.
  HouseholdErased: { fields: [], household: 'householdId' },
  EmploymentStarted: { fields: ['workerName'], household: 'householdId' },
  WagePaid: { fields: ['workerName'], household: 'stream' },
  EmploymentEnded: { fields: ['reason'], household: 'stream' },
  LeaseSigned: { fields: [], household: 'householdId' },
  RentPaid: { fields: [], household: 'stream' },
  LeaseEnded: { fields: ['reason'], household: 'stream' },
  StakeAcquired: { fields: [], household: 'householdId' },
  StakeEnded: { fields: ['reason'], household: 'stream' },
  OrderContracted: { fields: [], household: 'householdId' },
  PurchasePaid: { fields: [], household: 'stream' },
  PaymentReversed: { fields: ['reason'], household: 'stream' },
  DividendDeclared: { fields: [], household: 'none' },
  DividendPaid: { fields: [], household: 'none' },
  DistributionDeclared: { fields: [], household: 'none' },
  DistributionPaid: { fields: [], household: 'householdId' },
  LoanDisbursed: { fields: [], household: 'householdId' },
  LoanRepaid: { fields: [], household: 'stream' },
  LoanInterestSubsidised: { fields: [], household: 'stream' },
  EntityRegistered: { fields: [], household: 'none' },
  ProjectRegistered: { fields: [], household: 'none' },
  ProjectFundsReceived: { fields: [], household: 'none' },
  ProjectFundsDisbursed: { fields: [], household: 'none' },
  UserRegistered: { fields: [], household: 'none' },
  UserTokenReplaced: { fields: [], household: 'none' },
  // A county office's contact is an office's, not a person's.
  CountyContactSet: { fields: [], household: 'none' },
  GuaranteeToppedUp: { fields: [], household: 'none' },
  // The bank's note on a return may name the account holder.
  PaymentReturned: { fields: ['detail'], household: 'stream' },
  PaymentReissued: { fields: [], household: 'householdId' },
  // Ids, amounts and dates of many households: names stay in each household's own events.
  BankFileReconciled: { fields: [], household: 'none' },
  // A notice names many households: its rows' masked names and numbers are each sealed with their own
  // household's key (`personalRows` below), not with one key for the event. Its title is the village's.
  NoticePosted: { fields: [], household: 'none' },
  // An objection's text and contact may name people: a household's own objection is sealed with its
  // key; one raised by a clerk or an admin names no household and stays as written.
  ObjectionRaised: { fields: ['text', 'contact'], household: 'householdId' },
  // A clerk's answer, written to be read out or posted with the notice: not a household's data.
  ObjectionResolved: { fields: [], household: 'none' },
  NoticeHoldChanged: { fields: [], household: 'none' },
  StatementAcknowledged: { fields: ['comment'], household: 'householdId' },
};

/**
 * Personal fields inside an event's list of rows, each row sealed with the key of the household it
 * names (`householdId` of the row): one event listing many households (a notice's rows: 张*明,
 * ***********0101). Masked as they are, they still point at one family in a village of a few hundred,
 * so erasing the household must reach them; the row's amount stays, so the notice's total holds.
 */
export const personalRows: {
  readonly [Type in LedgerEventType]?: { readonly list: string; readonly fields: readonly string[] };
} = {
  NoticePosted: {
    list: 'rows' satisfies keyof DataOf<'NoticePosted'>,
    fields: ['maskedName', 'maskedRegistrationNo'] satisfies (keyof DataOf<'NoticePosted'>['rows'][number])[],
  },
};
