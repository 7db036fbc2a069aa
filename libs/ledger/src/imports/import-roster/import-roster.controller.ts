import {
  Controller,
  HttpStatus,
  Logger,
  Post,
  Query as QueryString,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskStorage } from 'multer';
import type { Actor } from '../../common/actor';
import { BadInputException } from '../../http/problem-details.filter';
import { CurrentActor, RequestMetadata } from '../../http/request-context';
import type { CommandMetadata } from '../../common/stream-writer';
import { Importer, type ImportReport } from '../importer';
import { ImportRosterRequest } from './import-roster.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

/** Beyond this many rows the answer does not wait: 202, and the import goes on in the background. */
export const FOREGROUND_ROWS = 2000;
/** Largest roster accepted (a 100,000-row wage roster is a few MB); a larger one answers 413. */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

const UPLOAD_DIR = join(tmpdir(), 'ledger-imports');

/** Uploads go to a temporary file, never into memory: rosters are streamed from disk. */
const storage = diskStorage({
  destination: (_req, _file, done) => {
    mkdirSync(UPLOAD_DIR, { recursive: true });
    done(null, UPLOAD_DIR);
  },
});

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
    answers: {
      201: 'Done (or validated, on a dry run).',
      202: 'Accepted: still being processed; read its status later.',
    },
  })
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    // Browsers and curl send a file name's UTF-8 bytes as they are: 工资表.csv stays 工资表.csv.
    FileInterceptor('file', { storage, defParamCharset: 'utf8', limits: { fileSize: MAX_ROSTER_BYTES, files: 1 } }),
  )
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
