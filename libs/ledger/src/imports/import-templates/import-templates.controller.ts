import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { notFound } from '../../common/domain-error';
import { langOf } from '../get-import/get-import.controller';
import { IMPORT_KINDS, isImportKind, templateHeaders } from '../import-kinds';
import { LedgerDocument } from '../../http/contract/route-contract';
import { templateWorkbook } from './template-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template of a roster: its header row, as CSV (UTF-8 with BOM, so Excel shows the Chinese). */
export function templateCsv(kind: (typeof IMPORT_KINDS)[number], lang: 'zh' | 'en' = 'zh'): string {
  return `\uFEFF${stringify([templateHeaders(kind, lang)], { record_delimiter: 'windows' })}`;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports/templates')
export class ImportTemplatesController {
  /**
   * `wages.csv`, `households.csv`…: the header row (`lang=en`: English words). `wages.xlsx`…: the
   * header row on the first sheet, and a second sheet "填写说明" with an example row and each column's
   * rule (the importer never reads that sheet).
   */
  @LedgerDocument({
    summary: 'Import templates',
    contentType: 'text/csv',
    alsoProduces: [XLSX],
    refusals: ['IMPORT.UNKNOWN_TEMPLATE'],
  })
  @Get(':file')
  async template(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const [, kind, format] = /^([a-z]+(?:-[a-z]+)*)\.(csv|xlsx)$/.exec(file) ?? [];
    if (!isImportKind(kind)) {
      throw notFound(
        'IMPORT.UNKNOWN_TEMPLATE',
        `No template ${file}; there are ${IMPORT_KINDS.map((k) => `${k}.csv`).join(', ')} (or .xlsx).`,
        `没有模板 ${file}；现有模板：${IMPORT_KINDS.map((k) => `${k}.csv`).join('、')}（或 .xlsx）。`,
      );
    }
    response.status(200).setHeader('Content-Disposition', `attachment; filename="${kind}.${format}"`);
    if (format === 'xlsx') {
      response.setHeader('Content-Type', XLSX).send(await templateWorkbook(kind));
      return;
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8').send(templateCsv(kind, langOf(request)));
  }
}
