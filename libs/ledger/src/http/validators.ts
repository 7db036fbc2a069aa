import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidDate, isValidMonth } from '../shared/calendar';
import { MAX_FEN } from '../shared/money';
import { isValidPeriod } from '../shared/period';
import { parseArea } from '../shared/rent';

/**
 * Money in fen: a JSON integer from 1 (or 0 where allowed) to 2^53−1. Fractions, strings and
 * larger numbers are refused: the ledger never rounds what a clerk typed.
 */
export function IsFen(options: { allowZero?: boolean; description?: string } = {}): PropertyDecorator {
  const min = options.allowZero ? 0 : 1;
  const message = `must be an integer number of fen from ${min} to ${MAX_FEN}`;
  return applyDecorators(
    IsInt({ message }),
    Min(min, { message }),
    Max(MAX_FEN, { message }),
    ApiProperty({
      type: 'integer',
      minimum: min,
      maximum: MAX_FEN,
      description: options.description ?? 'Amount in fen (1/100 yuan)',
    }),
  );
}

/** A calendar date `YYYY-MM-DD` that exists (no 2018-02-30). */
export function IsLedgerDate(options?: ValidationOptions, api?: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLedgerDate',
        validator: { validate: isValidDate, defaultMessage: () => 'must be a real date written YYYY-MM-DD' },
      },
      options,
    ),
    ApiProperty({ type: 'string', format: 'date', example: '2018-07-15', ...api }),
  );
}

/** A period of the contract: `2018`, `2018-H1`, `2018-Q3`, `2018-07`. */
export function IsLedgerPeriod(options?: ValidationOptions, api?: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLedgerPeriod',
        validator: {
          validate: isValidPeriod,
          defaultMessage: () => 'must be a period: 2018, 2018-H1, 2018-Q1..Q4 or 2018-07',
        },
      },
      options,
    ),
    ApiProperty({ type: 'string', example: '2018-H1', ...api }),
  );
}

/** A calendar month `YYYY-MM`. */
export function IsLedgerMonth(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLedgerMonth',
        validator: { validate: isValidMonth, defaultMessage: () => 'must be a month written YYYY-MM' },
      },
      options,
    ),
    ApiProperty({ type: 'string', example: '2018-07' }),
  );
}

/** Land area in mu as a decimal string with at most two decimals (`"2.50"`). */
export function IsAreaMu(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isAreaMu',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && parseArea(value).ok,
          defaultMessage: () => 'must be a positive area in mu as a string with at most two decimals, e.g. "2.50"',
        },
      },
      options,
    ),
    ApiProperty({ type: 'string', example: '2.50' }),
  );
}
