import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import {
  isLedgerDate,
  isLedgerInstant,
  isLedgerMonth,
  LEDGER_DATE_RANGE,
  LEDGER_FIRST_DATE,
  LEDGER_LAST_DATE,
} from '../primitives/calendar';
import { MAX_FEN } from '../primitives/money';
import { isLedgerPeriod } from '../primitives/period';
import { parseArea } from '../primitives/rent';
import { MAX_TEXT_LENGTH, textProblem } from '../primitives/text';

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

/** A calendar date `YYYY-MM-DD` that exists (no 2018-02-30) inside the ledger's world (1949-10-01 to 2100-12-31). */
export function IsLedgerDate(options?: ValidationOptions, api?: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLedgerDate',
        validator: {
          validate: isLedgerDate,
          defaultMessage: () => `must be a real date written YYYY-MM-DD from ${LEDGER_DATE_RANGE}`,
        },
      },
      options,
    ),
    ApiProperty({
      type: 'string',
      format: 'date',
      example: '2018-07-15',
      description: `${LEDGER_FIRST_DATE} to ${LEDGER_LAST_DATE}`,
      ...api,
    }),
  );
}

/** A period of the contract: `2018`, `2018-H1`, `2018-Q3`, `2018-07`. */
export function IsLedgerPeriod(options?: ValidationOptions, api?: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLedgerPeriod',
        validator: {
          validate: isLedgerPeriod,
          defaultMessage: () => 'must be a period of a year from 1949 to 2100: 2018, 2018-H1, 2018-Q1..Q4 or 2018-07',
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
        validator: {
          validate: isLedgerMonth,
          defaultMessage: () => 'must be a month written YYYY-MM, from 1949-10 to 2100-12',
        },
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

/** An ISO 8601 instant with an offset (`asOf`) whose date in China lies in the ledger's world. */
export function IsLedgerInstant(options?: ValidationOptions, api?: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLedgerInstant',
        validator: {
          validate: isLedgerInstant,
          defaultMessage: () =>
            `must be an ISO 8601 instant with an offset, e.g. 2018-07-01T09:30:00+08:00, dated ${LEDGER_DATE_RANGE}`,
        },
      },
      options,
    ),
    ApiProperty({ type: 'string', format: 'date-time', example: '2018-07-01T09:30:00+08:00', ...api }),
  );
}

export interface LedgerTextOptions {
  /** Longest accepted, in UTF-16 code units as JavaScript and class-validator count them. */
  max: number;
  /** Free text (a reason, a comment) may hold line breaks; names and references may not. */
  lineBreaks?: boolean;
  /** Whether the OpenAPI document marks it required (default true). */
  required?: boolean;
  example?: string;
  description?: string;
  /** A list of such texts (a clerk's townships). */
  each?: boolean;
}

const trim = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);
const trimmed = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map(trim) : trim(value));

/**
 * Text a person typed: a string, trimmed, not empty (whitespace alone is nothing), at most `max`
 * long, without control characters or lone surrogates (see primitives/text.ts). Every text field of a
 * request uses this, so a name, a place or a reason reaches an event only in this form.
 */
export function IsLedgerText(options: LedgerTextOptions): PropertyDecorator {
  const max = Math.min(options.max, MAX_TEXT_LENGTH);
  return applyDecorators(
    Transform(trimmed),
    ValidateBy(
      {
        name: 'isLedgerText',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'string' &&
            value.length >= 1 &&
            value.length <= max &&
            textProblem(value, { lineBreaks: options.lineBreaks }) === undefined,
          defaultMessage: (args) => {
            const value: unknown = args?.value;
            if (typeof value !== 'string') return 'must be text (a JSON string)';
            if (value.length === 0) return 'must not be empty or only spaces';
            if (value.length > max) return `must be at most ${max} characters`;
            return textProblem(value, { lineBreaks: options.lineBreaks })?.en ?? 'must be text';
          },
        },
      },
      { each: options.each },
    ),
    ApiProperty({
      type: 'string',
      isArray: options.each ?? false,
      minLength: 1,
      maxLength: max,
      required: options.required ?? true,
      ...(options.example === undefined ? {} : { example: options.example }),
      ...(options.description === undefined ? {} : { description: options.description }),
    }),
  );
}

/**
 * A whole number in a query string (`limit=50`, `minPosition=1200`): plain decimal digits only, from
 * `min` to `max`. `1e20`, `0x10`, ` 5` or an empty value are refused naming the parameter, never
 * coerced (Number('') is 0, Number('1e20') overflows a PostgreSQL bigint).
 */
export function IsQueryInteger(min: number, max: number): PropertyDecorator {
  const message = `must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value,
    ),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
    ApiProperty({ type: 'integer', minimum: min, maximum: max, required: false }),
  );
}

/*
 * The filters the console's lists share (common/list-filter.ts turns them into SQL): one decorator per
 * filter, so every list validates each the same way.
 */

/** The place filters: a county, township or village name, as the registry writes it. */
export function IsPlaceFilter(example: string): PropertyDecorator {
  return applyDecorators(IsOptional(), IsLedgerText({ max: 50, required: false, example }));
}

/** The year filter: a calendar year, on the list's own date (named in the DTO's comment). */
export function IsYearFilter(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsQueryInteger(2000, 2100));
}
