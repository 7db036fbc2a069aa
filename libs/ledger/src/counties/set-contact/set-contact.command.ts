import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';

export interface SetContactResult {
  county: string;
  office: string;
  phone: string;
  hotline: string;
  /** Position of the event that set it (of the earlier one when nothing changed). */
  position: number;
}

/** Set whom a county's households ask, printed on their cards (admin). */
export class SetContactCommand extends Command<SetContactResult> {
  constructor(
    readonly payload: { county: string; office: string; phone: string; hotline?: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
