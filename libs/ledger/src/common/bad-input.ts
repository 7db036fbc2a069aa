import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError } from '../http/problem.view';

/**
 * A 400 naming every bad field; thrown by the validation pipe and by hand-written checks alike (a
 * list's sort or cursor, an import's rows, a statement's dates). Beside domain-error.ts, which refuses
 * by a ledger rule, this refuses the request's shape; http/problem-details.filter.ts answers both as
 * problem details. A file of its own because it is a Nest HttpException, and the deciders that import
 * domain-error.ts must reach no Nest.
 */
export class BadInputException extends HttpException {
  constructor(readonly errors: FieldError[]) {
    super({ title: 'Bad input', errors }, HttpStatus.BAD_REQUEST);
  }
}
