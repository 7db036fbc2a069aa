import { Module } from '@nestjs/common';
import { ProofCommand } from './proof/proof.command';
import { UsageErrors } from './usage-errors';

/**
 * Commands that read files alone (`proof verify`): no database, no ledger module, nothing started,
 * so they run on any machine with the CLI and touch no data directory. A module file of its own, so
 * that such a run does not even load the ledger (cli.module.ts): about 1.5 s of CPU less per run.
 */
@Module({ providers: [UsageErrors, ...ProofCommand.registerWithSubCommands()] })
export class FilesOnlyModule {}
