import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { AcknowledgementMethod } from '../../acknowledgements/acknowledgement.events';

/** A household confirms (or disputes) its statement up to `through`, as printed. */
export class AcknowledgeStatementCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      householdId: string;
      through: string;
      totalFen: number;
      method: AcknowledgementMethod;
      acknowledgedOn: string;
      disputed?: boolean;
      comment?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
