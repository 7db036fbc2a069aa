import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { forbidden, notFound } from '../../common/domain-error';
import { sendCsv, type CsvColumn } from '../../http/csv';
import { IdPipe } from '../../http/id.pipe';
import { CurrentActor } from '../../http/request-context';
import type { ImportRowError } from '../import-store';
import { Importer, type ImportReport } from '../importer';
import { LedgerDocument, LedgerQuery } from '../../http/contract/route-contract';

export const ImportIdPipe = IdPipe('import', '导入记录');

/** `lang` (checked by KnownQueryParameters: zh or en) of the request; Chinese by default. */
export const langOf = (request: Request): 'zh' | 'en' => (request.query.lang === 'en' ? 'en' : 'zh');

const ERROR_COLUMNS: CsvColumn<ImportRowError>[] = [
  { header: 'row', value: (e) => e.row },
  { header: 'column', value: (e) => e.column },
  { header: 'value', value: (e) => e.value },
  { header: 'message', value: (e) => e.message },
  { header: 'code', value: (e) => e.code },
];

@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports')
export class GetImportController {
  constructor(private readonly importer: Importer) {}

  /** An import's status and counts (also while it runs), its row errors and what each row wrote. */
  @LedgerQuery({ summary: 'Get import: get', view: 'ImportReport', refusals: ['AUTH.NOT_YOURS', 'IMPORT.NOT_FOUND'] })
  @Get(':id')
  async get(
    @Param('id', ImportIdPipe) id: string,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
  ): Promise<ImportReport> {
    await this.authorise(id, actor);
    return this.importer.report(id, langOf(request), { wrote: true });
  }

  /** Every row error as CSV (UTF-8 with BOM, for Excel): row, column, value, message. */
  @LedgerDocument({
    summary: 'Get import: errors',
    contentType: 'text/csv',
    refusals: ['AUTH.NOT_YOURS', 'IMPORT.NOT_FOUND'],
  })
  @Get(':id/errors.csv')
  async errors(
    @Param('id', ImportIdPipe) id: string,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    await this.authorise(id, actor);
    const errors = await this.importer.records.errors(id, langOf(request));
    sendCsv(response, errors, ERROR_COLUMNS, `${id}-errors.csv`);
  }

  /** Admins and auditors read every import; a clerk the imports they made. */
  private async authorise(id: string, actor: Actor): Promise<void> {
    const record = await this.importer.records.get(id);
    if (!record) throw notFound('IMPORT.NOT_FOUND', `No import ${id}.`, `没有编号为 ${id} 的导入记录。`);
    if (actor.role === 'admin' || actor.role === 'auditor') return;
    if (actor.role === 'clerk' && record.callerId === actor.userId) return;
    throw forbidden('AUTH.NOT_YOURS', 'You may not read this import.', '您无权查看此导入记录。');
  }
}
