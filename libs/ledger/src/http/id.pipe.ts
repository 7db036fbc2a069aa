import { Injectable, mixin, type PipeTransform, type Type } from '@nestjs/common';
import { notFound } from '../common/domain-error';

/**
 * Validates a path id by its prefix (`household-…`, `lease-…`): an id that cannot exist is a 404,
 * exactly like an unknown one, and never reaches the event store.
 */
export function IdPipe(prefix: string, nounZh: string): Type<PipeTransform<string, string>> {
  const pattern = new RegExp(`^${prefix}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
  @Injectable()
  class PrefixedIdPipe implements PipeTransform<string, string> {
    transform(value: string): string {
      if (!pattern.test(value)) {
        throw notFound(
          `${prefix.toUpperCase()}.NOT_FOUND`,
          `No ${prefix} ${value}.`,
          `没有编号为 ${value} 的${nounZh}。`,
        );
      }
      return value;
    }
  }
  return mixin(PrefixedIdPipe);
}
