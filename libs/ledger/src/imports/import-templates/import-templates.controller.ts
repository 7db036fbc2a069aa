import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { notFound } from '../../common/domain-error';
import { langOf } from '../get-import/get-import.controller';
import { IMPORT_KINDS, isImportKind, templateHeaders } from '../import-kinds';
import { LedgerDocument } from '../../http/contract/route-contract';

/** The template of a roster: its header row, as CSV (UTF-8 with BOM, so Excel shows the Chinese). */
export function templateCsv(kind: (typeof IMPORT_KINDS)[number], lang: 'zh' | 'en' = 'zh'): string {
  return `\uFEFF${stringify([templateHeaders(kind, lang)], { record_delimiter: 'windows' })}`;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports/templates')
export class ImportTemplatesController {
  /** `wages.csv`, `dividends.csv`, `rents.csv`, `households.csv`: the header row (`lang=en`: English words). */
  @LedgerDocument({ summary: 'Import templates', contentType: 'text/csv', refusals: ['IMPORT.UNKNOWN_TEMPLATE'] })
  @Get(':file')
  @ApiProduces('text/csv')
  template(@Param('file') file: string, @Req() request: Request, @Res() response: Response): void {
    const kind = /^([a-z]+(?:-[a-z]+)*)\.csv$/.exec(file)?.[1];
    if (!isImportKind(kind)) {
      throw notFound(
        'IMPORT.UNKNOWN_TEMPLATE',
        `No template ${file}; there are ${IMPORT_KINDS.map((k) => `${k}.csv`).join(', ')}.`,
        `没有模板 ${file}；现有模板：${IMPORT_KINDS.map((k) => `${k}.csv`).join('、')}。`,
      );
    }
    response
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${kind}.csv"`)
      .send(templateCsv(kind, langOf(request)));
  }
}
