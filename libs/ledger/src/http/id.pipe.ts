import { Injectable, mixin, type PipeTransform, type Type } from '@nestjs/common';
import { notFound, type RefusalCodeOf } from '../common/domain-error';

/** The id prefixes with a catalogued `<PREFIX>.NOT_FOUND` refusal (`household` → `HOUSEHOLD.NOT_FOUND`). */
export type IdPrefix = {
  [Code in RefusalCodeOf<'not_found'>]: Code extends `${infer Prefix}.NOT_FOUND` ? Lowercase<Prefix> : never;
}[RefusalCodeOf<'not_found'>];

/**
 * Validates a path id by its prefix (`household-…`, `lease-…`): an id that cannot exist is a 404,
 * exactly like an unknown one, and never reaches the event store.
 */
export function IdPipe<Prefix extends IdPrefix>(prefix: Prefix, nounZh: string): Type<PipeTransform<string, string>> {
  const pattern = new RegExp(`^${prefix}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
  @Injectable()
  class PrefixedIdPipe implements PipeTransform<string, string> {
    transform(value: string): string {
      if (!pattern.test(value)) {
        throw notFound(
          // toUpperCase() is typed string; the prefix's type guarantees the code is catalogued.
          `${prefix.toUpperCase()}.NOT_FOUND` as `${Uppercase<Prefix>}.NOT_FOUND`,
          `No ${prefix} ${value}.`,
          `没有编号为 ${value} 的${nounZh}。`,
        );
      }
      return value;
    }
  }
  return mixin(PrefixedIdPipe);
}
