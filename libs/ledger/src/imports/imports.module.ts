import { Global, Module } from '@nestjs/common';
import { GetImportController } from './get-import/get-import.controller';
import { ImportRosterController } from './import-roster/import-roster.controller';
import { ImportTemplatesController } from './import-templates/import-templates.controller';
import { Importer } from './importer';

/**
 * Roster imports (工资表, 分红表, 租金表, 贫困户名册): upload, dry run, commit, status and errors.
 * Global so the CLI's `import` command can use the same importer.
 */
@Global()
@Module({
  // The templates' route comes first: `templates/x.csv` is never taken for an import id.
  controllers: [ImportTemplatesController, ImportRosterController, GetImportController],
  providers: [Importer],
  exports: [Importer],
})
export class ImportsModule {}
