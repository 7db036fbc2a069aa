import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** What a disbursement answers: its id (`<projectId>.d<n>`), the project and the position. */
export type DisburseProjectFundsResult = WriteResult & { projectId: string };

/** Record project money handed to an operating entity (资金拨付). Admins only. */
export class DisburseProjectFundsCommand extends Command<DisburseProjectFundsResult> {
  constructor(
    readonly payload: {
      projectId: string;
      entityId: string;
      amountFen: number;
      purpose: string;
      disbursedOn: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
