import { Controller, HttpStatus, Logger, Post, Query as QueryString, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { unlink } from 'node:fs/promises';
import type { Actor } from '../../common/actor';
import { BadInputException } from '../../common/bad-input';
import { CurrentActor, RequestMetadata } from '../../http/request-context';
import type { CommandMetadata } from '../../common/stream-writer';
import { Importer, type ImportReport } from '../importer';
import { ImportRosterRequest } from './import-roster.dto';
import { LedgerWrite } from '../../http/contract/route-contract';
import { FileUpload } from '../../http/uploads';

/** Beyond this many rows the answer does not wait: 202, and the import goes on in the background. */
export const FOREGROUND_ROWS = 2000;
/** Largest roster accepted (a 100,000-row wage roster is a few MB); a larger one answers 413. */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports')
export class ImportRosterController {
  private readonly logger = new Logger('Imports');

  constructor(private readonly importer: Importer) {}

  /**
   * Imports a roster (工资表, 分红表, 租金表, 名册 of households, workers, entities, stakes, leases; 收购单): `dryRun=true` validates every row and writes
   * nothing; otherwise all rows are written, or none if any is bad. 201 when done; 202 while a large
   * roster is still being processed (read its status at `GET /v1/imports/{id}`).
   */
  @LedgerWrite({
    summary: 'Import roster',
    view: 'ImportReport',
    answers: {
      201: 'Done (or validated, on a dry run).',
      202: 'Accepted: still being processed; read its status later.',
    },
  })
  @Post()
  @FileUpload({ directory: 'ledger-imports', maxBytes: MAX_ROSTER_BYTES })
  async import(
    @QueryString() query: ImportRosterRequest,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentActor() actor: Actor,
    @RequestMetadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReport> {
    if (!file) {
      throw new BadInputException([
        { path: 'file', message: 'attach the roster (.csv or .xlsx) as the multipart field "file"' },
      ]);
    }
    const remove = () => unlink(file.path).catch(() => undefined);
    let job;
    try {
      job = await this.importer.start({
        kind: query.kind,
        params: {
          ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
          ...(query.declarationId === undefined ? {} : { declarationId: query.declarationId }),
          ...(query.distributionId === undefined ? {} : { distributionId: query.distributionId }),
        },
        dryRun: query.dryRun === 'true',
        filePath: file.path,
        fileName: file.originalname,
        ...(query.sheet === undefined ? {} : { sheet: query.sheet }),
        actor,
        correlationId: metadata.correlationId,
      });
    } catch (error) {
      await remove();
      throw error;
    }
    const lang = query.lang ?? 'zh';
    void job.done.catch((error: unknown) => this.logger.error(`import ${job.id}: ${String(error)}`)).finally(remove);
    await Promise.race([job.done, job.whenPast(FOREGROUND_ROWS)]);
    const report = await this.importer.report(job.id, lang);
    if (report.status === 'processing') response.status(HttpStatus.ACCEPTED);
    return report;
  }
}
