import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadInputException, type FieldError } from './problem-details.filter';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Validates bodies and query strings against their DTOs: unknown fields are refused (never ignored),
 * values are not coerced (a string is not a number), and every offending field is named.
 */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    // One entry per field and rule: IsFen's three checks share one message.
    exceptionFactory: (errors) =>
      new BadInputException(
        flatten(errors, '').filter(
          (e, i, all) => all.findIndex((o) => o.path === e.path && o.message === e.message) === i,
        ),
      ),
  });
}
