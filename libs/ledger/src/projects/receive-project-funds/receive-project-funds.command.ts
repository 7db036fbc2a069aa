import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { FundSource } from '../project.events';

/** What receiving funds answers: the receipt's id (`<projectId>.f<n>`), the project and the position. */
export type ReceiveProjectFundsResult = WriteResult & { projectId: string };

/** Record money a project received from one fund source. Admins only. */
export class ReceiveProjectFundsCommand extends Command<ReceiveProjectFundsResult> {
  constructor(
    readonly payload: {
      projectId: string;
      source: FundSource;
      amountFen: number;
      documentRef: string;
      receivedOn: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
