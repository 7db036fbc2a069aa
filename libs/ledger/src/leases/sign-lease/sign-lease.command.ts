import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { RentSchedule } from '../../primitives/rent';

export interface SignLeaseResult extends WriteResult {
  /** The rent schedule the term gives. */
  dues: { period: string; dueOn: string; amountFen: number }[];
}

/** Record that a household leased land to an operating entity (土地流转), with its rent schedule. */
export class SignLeaseCommand extends Command<SignLeaseResult> {
  constructor(
    readonly payload: {
      /** The new lease's id (its stream), chosen by the controller. */
      leaseId: string;
      entityId: string;
      householdId: string;
      areaMu: string;
      rentPerMuYearFen: number;
      startsOn: string;
      endsOn: string;
      schedule: RentSchedule;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
