import type { DomainEvent, Evolver } from '../../common/decider';
import type { CommandMetadata } from '../../common/stream-writer';
import { householdIdFor } from '../../households/household-id';
import { cellText, isBlank, parseAmountCell, parseDateCell, parseTextCell } from '../roster/cells';
import type { ImportParamName } from '../import-kinds';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, paymentResult, rowPlan, type RowKind } from './row-plan';

/** A row of a roster paying households their allocations (`户编号`, `金额`, `发放日期`, `凭证号`). */
export interface AllocationPaymentFields {
  registrationNo: string;
  amountFen: number;
  paidOn: string;
  reference?: string;
}

/** What one household's payment is, once its row has named the household. */
export type AllocationPayment = Omit<AllocationPaymentFields, 'registrationNo'> & { householdId: string };

/**
 * How a roster pays against one kind of allocations (a dividend's declaration, a collective's
 * distribution): the stream named by an import parameter, the request a row must pass as through
 * HTTP, and the command and decider that pay it.
 */
export interface AllocationPaymentKind<State, Event extends DomainEvent, Command> {
  kind: RowKind<AllocationPaymentFields>['kind'];
  /** The import parameter naming the stream paid against. */
  param: ImportParamName;
  /** The HTTP request a row is checked as (its body carries the stream's id under `param`'s name). */
  request: new () => object;
  evolver: Evolver<State, Event>;
  command(streamId: string, payment: AllocationPayment, metadata: CommandMetadata): Command;
  decide(command: Command, state: State): Event[];
  /** The township of the household's allocation, scoping the clerk. */
  townshipOf(state: State, householdId: string): string | undefined;
  /** The event type a payment is recorded as: its payment id is the row's result. */
  paidEvent: string;
}

/** The row kind of a roster paying allocations: the same cells, checks and plan for every kind. */
export function allocationPaymentRows<State, Event extends DomainEvent, Command extends { metadata: CommandMetadata }>(
  spec: AllocationPaymentKind<State, Event, Command>,
): RowKind<AllocationPaymentFields> {
  return {
    kind: spec.kind,

    fields(record, checked) {
      const c = new FieldCollector();
      const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
      const amountFen = c.take('amount', parseAmountCell(record.get('amount')));
      const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
      const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
      if (c.problems.length > 0) return { problems: c.problems };
      const fields: AllocationPaymentFields = {
        registrationNo: registrationNo!,
        amountFen: amountFen!,
        paidOn: paidOn!,
        ...(reference === undefined ? {} : { reference }),
      };
      if (checked) return { fields, problems: [] };
      const { registrationNo: no, ...body } = fields;
      const problems = checkAsRequest(
        spec.request,
        { householdId: householdIdFor(no), ...body },
        { householdId: 'registrationNo', amountFen: 'amount', paidOn: 'paidOn', reference: 'reference' },
      );
      return problems.length > 0 ? { problems } : { fields, problems: [] };
    },

    async plan(fields, context) {
      const streamId = context.params[spec.param]!;
      const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
      const { registrationNo: _r, ...payment } = fields;
      const command = spec.command(streamId, { householdId: found.householdId, ...payment }, context.metadata);
      return rowPlan({
        streamId,
        evolver: spec.evolver,
        command,
        decide: (state) => spec.decide(command, state),
        township: (state) => spec.townshipOf(state, found.householdId),
        resultId: paymentResult(spec.paidEvent, streamId),
        columns: {
          fields: { householdId: 'registrationNo', paidOn: 'paidOn', amountFen: 'amount' },
          forbidden: 'registrationNo',
          otherwise: 'amount',
        },
      });
    },
  };
}
