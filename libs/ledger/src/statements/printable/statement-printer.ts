import { Inject, Injectable, Optional } from '@nestjs/common';
import { Database } from '@ledger/runtime';
import type { Actor } from '../../common/actor';
import type { StatementLang } from '../statement.view';
import type { PrintableStatement } from './printable-statement';
import {
  newStatementCode,
  statementIssueFor,
  StatementIssues,
  type StatementIssue,
  type StatementVerification,
} from './statement-codes';
import { renderStatementHtml } from './statement-html';
import { renderStatementPdf, type CardsPdf } from './statement-pdf';

/** What to load: the statement query's parameters. */
export interface StatementLoadOptions {
  from?: string;
  to?: string;
  /** ISO 8601 instant; the printer always passes one, so the card and its check see the same ledger. */
  asOf?: string;
  lang: StatementLang;
  /** Wait for the read model to reach this ledger position first. */
  minPosition?: number;
}

/** Where statements come from: the statement query, authorised for `actor` (403/404 as the query says). */
export interface StatementSource {
  load(householdId: string, options: StatementLoadOptions, actor: Actor): Promise<PrintableStatement>;
}

/** Injection token of the {@link StatementSource}. */
export const STATEMENT_SOURCE = 'STATEMENT_SOURCE';

/** Optional settings of the printer. */
export interface StatementPrinterOptions {
  /** Where a card can be checked, printed on it (e.g. a web page taking the code); none by default. */
  verifyUrl?: (code: string) => string | undefined;
  /**
   * The household's phone link printed as a QR code: given the household and the console's address
   * (`https://host`), the link and the last day it works; none by default.
   */
  phoneLink?: (
    householdId: string,
    consoleUrl: string,
    issuedAt: Date,
  ) => { url: string; expiresOn: string } | undefined;
  /** Clock and code source, for tests. */
  now?: () => Date;
  newCode?: () => string;
}

export const STATEMENT_PRINTER_OPTIONS = 'STATEMENT_PRINTER_OPTIONS';

/** What to print. */
export interface PrintRequest {
  from?: string;
  to?: string;
  /** The ledger as it stood then; by default, as it stands when printed. */
  asOf?: string;
  lang?: StatementLang;
  minPosition?: number;
  /** The console's address (`https://host`), for the phone link's QR code. */
  consoleUrl?: string;
}

/** A printed card: the document, and the issue recorded for it. */
export interface PrintedStatement<Body> {
  code: string;
  issue: StatementIssue;
  statement: PrintableStatement;
  body: Body;
}

const MAX_CODE_ATTEMPTS = 5;

/**
 * Prints clarity cards (HTML or PDF) and checks them later. Every card printed is recorded with a
 * fresh verification code; `verify` recomputes the card's statement as the ledger stood when it
 * was printed and compares.
 */
@Injectable()
export class StatementPrinter {
  private readonly issues: StatementIssues;

  constructor(
    @Inject(STATEMENT_SOURCE) private readonly source: StatementSource,
    @Inject(Database) database: Pick<Database, 'pool'>,
    @Optional() @Inject(STATEMENT_PRINTER_OPTIONS) private readonly options: StatementPrinterOptions = {},
  ) {
    this.issues = new StatementIssues(database.pool);
  }

  async html(householdId: string, request: PrintRequest, actor: Actor): Promise<PrintedStatement<string>> {
    const { statement, issue, lang } = await this.issue(householdId, request, actor);
    const body = renderStatementHtml(statement, { ...this.renderOptions(issue, request), lang });
    return { code: issue.code, issue, statement, body };
  }

  async pdf(householdId: string, request: PrintRequest, actor: Actor): Promise<PrintedStatement<Buffer>> {
    const { statement, issue, lang } = await this.issue(householdId, request, actor);
    const body = await renderStatementPdf(statement, { ...this.renderOptions(issue, request), lang });
    return { code: issue.code, issue, statement, body };
  }

  /**
   * Prints one household's card into a document of many (a village's), recorded with its own code
   * like any card. Returns what was printed, without the document's bytes.
   */
  async into(
    cards: CardsPdf,
    householdId: string,
    request: PrintRequest,
    actor: Actor,
  ): Promise<PrintedStatement<undefined>> {
    const { statement, issue, lang } = await this.issue(householdId, request, actor);
    cards.add(statement, { ...this.renderOptions(issue, request), lang });
    return { code: issue.code, issue, statement, body: undefined };
  }

  /**
   * Checks a card by its code (typed as on paper): 404 `STATEMENT.UNKNOWN_CODE` if no card has it.
   * The statement is recomputed for `actor`, so only those who may read the household's statement
   * can check its card.
   */
  verify(code: string, actor: Actor): Promise<StatementVerification> {
    return this.issues.verify(code, (issue) =>
      this.source.load(
        issue.householdId,
        {
          ...(issue.from ? { from: issue.from } : {}),
          ...(issue.to ? { to: issue.to } : {}),
          asOf: issue.asOf,
          lang: 'zh',
        },
        actor,
      ),
    );
  }

  private renderOptions(issue: StatementIssue, request: PrintRequest) {
    const verifyUrl = this.options.verifyUrl?.(issue.code);
    const phoneLink =
      request.consoleUrl === undefined
        ? undefined
        : this.options.phoneLink?.(issue.householdId, request.consoleUrl, new Date(issue.issuedAt));
    return {
      verificationCode: issue.code,
      issuedAt: issue.issuedAt,
      ...(verifyUrl ? { verifyUrl } : {}),
      ...(phoneLink ? { phoneLink } : {}),
    };
  }

  /** Loads the statement pinned to an instant, and records the card about to be printed. */
  private async issue(householdId: string, request: PrintRequest, actor: Actor) {
    const issuedAt = (this.options.now?.() ?? new Date()).toISOString();
    const lang = request.lang ?? 'zh';
    const statement = await this.source.load(
      householdId,
      {
        ...(request.from ? { from: request.from } : {}),
        ...(request.to ? { to: request.to } : {}),
        asOf: request.asOf ?? issuedAt,
        lang,
        ...(request.minPosition !== undefined ? { minPosition: request.minPosition } : {}),
      },
      actor,
    );
    // The card shows the instant it was drawn at even if the source does not echo it.
    const pinned: PrintableStatement = { ...statement, asOf: statement.asOf ?? request.asOf ?? issuedAt };
    for (let attempt = 1; ; attempt++) {
      const code = this.options.newCode?.() ?? newStatementCode();
      const issue = statementIssueFor(pinned, { code, issuedAt, issuedBy: actor.userId });
      if (await this.issues.record(issue)) return { statement: pinned, issue, lang };
      // 60 random bits: a taken code is next to impossible, but never reuse one.
      if (attempt >= MAX_CODE_ATTEMPTS) throw new Error('could not find a free statement code');
    }
  }
}
