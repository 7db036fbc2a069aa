import { Controller, Get, Param, Query as QueryString, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Database } from '@ledger/runtime';
import { forbidden, notFound } from '../../common/domain-error';
import type { Actor } from '../../common/actor';
import { StatementLinkAllowed, AllowedRoles } from '../../http/auth.guard';
import { BadInputException } from '../../common/bad-input';
import { CurrentActor } from '../../http/request-context';
import { HouseholdIdPipe } from '../../households/household-id';
import { GetStatementRequest } from '../get-statement/get-statement.dto';
import type { StatementVerification } from './statement-codes';
import { StatementPrinter, type PrintRequest } from './statement-printer';
import { printVillageCards, villageHouseholds } from './village-cards';
import { LedgerDocument, LedgerQuery } from '../../http/contract/route-contract';

/** The address the console is served at, as this request reached it (for the card's phone link). */
function consoleUrlOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

function printRequest(query: GetStatementRequest, request: Request, actor: Actor): PrintRequest {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new BadInputException([{ path: 'to', message: 'to must be on or after from' }]);
  }
  return {
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.asOf ? { asOf: query.asOf } : {}),
    ...(query.lang ? { lang: query.lang } : {}),
    ...(query.minPosition !== undefined ? { minPosition: query.minPosition } : {}),
    // A card printed through a statement link gets no new link: a link must not renew itself.
    ...(actor.link ? {} : { consoleUrl: consoleUrlOf(request) }),
  };
}

/** `attachment`-safe file name: ASCII fallback, the Chinese name in `filename*`. */
function contentDisposition(registrationNo: string, headName: string): string {
  const ascii = `statement-${registrationNo.replace(/[^\w.-]/g, '_')}.pdf`;
  const utf8 = encodeURIComponent(`收益明白卡-${headName}-${registrationNo}.pdf`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * The clarity card (收益明白卡) as a printable page or PDF, each printed with a fresh verification
 * code (also sent as `X-Statement-Code`), and the check of a code.
 */
@ApiTags('statements')
@ApiBearerAuth()
@Controller()
export class PrintStatementController {
  constructor(
    private readonly printer: StatementPrinter,
    private readonly database: Database,
  ) {}

  /** The statement as a self-contained HTML page: A4 when printed, readable on a phone. */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @LedgerDocument({ summary: 'Print statement: html', contentType: 'text/html', refusals: ['STATEMENT.UNKNOWN_CODE'] })
  @Get('v1/households/:id/statement.html')
  @StatementLinkAllowed()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The clarity card as HTML', content: { 'text/html': { schema: { type: 'string' } } } })
  async html(
    @Param('id', HouseholdIdPipe) householdId: string,
    @QueryString() query: GetStatementRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const printed = await this.printer.html(householdId, printRequest(query, request, actor), actor);
    response
      .setHeader('Content-Type', 'text/html; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Statement-Code', printed.code);
    return printed.body;
  }

  /** The statement as an A4 PDF with its text in an embedded font (searchable, readable aloud). */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @LedgerDocument({
    summary: 'Print statement: pdf',
    contentType: 'application/pdf',
    refusals: ['STATEMENT.UNKNOWN_CODE'],
  })
  @Get('v1/households/:id/statement.pdf')
  @StatementLinkAllowed()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The clarity card as PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async pdf(
    @Param('id', HouseholdIdPipe) householdId: string,
    @QueryString() query: GetStatementRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const printed = await this.printer.pdf(householdId, printRequest(query, request, actor), actor);
    const household = printed.statement.household;
    response.setHeader('Cache-Control', 'no-store').setHeader('X-Statement-Code', printed.code);
    return new StreamableFile(printed.body, {
      type: 'application/pdf',
      length: printed.body.length,
      disposition: contentDisposition(household.registrationNo, household.headName),
    });
  }

  /**
   * Every household's card of a village in one PDF (one card per household, by registration number),
   * streamed as it is printed, each card recorded with its own code: for the township to print and
   * hand out. An admin, or a clerk of that township.
   */
  @LedgerDocument({
    summary: 'Print a village cards',
    contentType: 'application/pdf',
    refusals: ['VILLAGE.NOT_FOUND', 'AUTH.OTHER_TOWNSHIP'],
  })
  @Get('v1/villages/:township/:village/cards.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: "The village's clarity cards as one PDF",
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async villageCards(
    @Param('township') township: string,
    @Param('village') village: string,
    @QueryString() query: GetStatementRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!(actor.role === 'admin' || (actor.role === 'clerk' && actor.townships.includes(township)))) {
      throw forbidden(
        'AUTH.OTHER_TOWNSHIP',
        `Only an admin or a clerk of ${township} prints its villages' cards.`,
        `只有管理员或${township}的经办人可以打印该乡镇各村的明白卡。`,
      );
    }
    const households = await villageHouseholds(this.database.pool, village, township);
    if (households.length === 0) {
      throw notFound(
        'VILLAGE.NOT_FOUND',
        `No household is registered in ${village}, ${township}.`,
        `${township}${village}没有登记的农户。`,
      );
    }
    const print = printRequest(query, request, actor);
    const ascii = `cards-${households.length}.pdf`;
    response
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Statement-Cards', String(households.length))
      .setHeader(
        'Content-Disposition',
        `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`收益明白卡-${township}-${village}.pdf`)}`,
      );
    await printVillageCards(this.printer, households, print, actor, response);
  }

  /**
   * Checks a printed card by its code (case, dashes, O/0 and I/L/1 do not matter): `ok` when the
   * card agrees with the ledger as it stood when the card was printed. Unknown code: 404.
   */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @LedgerQuery({
    summary: 'Print statement: verify',
    view: 'StatementVerification',
    refusals: ['STATEMENT.UNKNOWN_CODE'],
  })
  @Get('v1/statements/verify/:code')
  verify(@Param('code') code: string, @CurrentActor() actor: Actor): Promise<StatementVerification> {
    return this.printer.verify(code, actor);
  }
}
