import { Module, type DynamicModule } from '@nestjs/common';
import { LedgerModule, ledgerMigrations, sealPersonalData } from '@ledger/ledger';
import { PrintableStatementsModule } from '@ledger/ledger/statements/printable/printable-statements.module';
import { RuntimeModule } from '@ledger/runtime';
import { BackupCommand } from './backup/backup.command';
import { RestoreCommand } from './backup/restore.command';
import { ImportCommand } from './import/import.command';
import { StatementCommand } from './statement/statement.command';
import { ProjectionsCommand } from './projections/projections.command';
import { MigratePersonalDataCommand } from './personal-data/migrate-personal-data.command';
import { ProofCommand } from './proof/proof.command';
import { SealCommand } from './seal/seal.command';
import { UsageErrors } from './usage-errors';
import { VerifyCommand } from './verify/verify.command';

/** The operator CLI: same runtime and ledger as the API, commands instead of routes. */
@Module({})
export class CliModule {
  /**
   * `offline`: for help and usage errors, nothing connects to a database. `createDataDir`: `--init`
   * was given, so an embedded database may be created in a data directory that holds none.
   */
  static register(offline: boolean, { createDataDir = false } = {}): DynamicModule {
    return {
      module: CliModule,
      imports: [
        offline
          ? RuntimeModule.offline()
          : RuntimeModule.forRoot(ledgerMigrations, { createDataDir, adaptEventStore: sealPersonalData }),
        LedgerModule,
        PrintableStatementsModule,
      ],
      providers: [
        UsageErrors,
        VerifyCommand,
        SealCommand,
        BackupCommand,
        RestoreCommand,
        MigratePersonalDataCommand,
        ...ProjectionsCommand.registerWithSubCommands(),
        ...ImportCommand.registerWithSubCommands(),
        ...StatementCommand.registerWithSubCommands(),
        ...ProofCommand.registerWithSubCommands(),
      ],
    };
  }
}
