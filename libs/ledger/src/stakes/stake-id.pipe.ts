import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound } from '../common/domain-error';
import { entityOfStake } from './stake-id';

/** Validates a stake id in a path (`entity-<uuid>.s<n>`): anything else is a 404, like an unknown stake. */
@Injectable()
export class StakeIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (entityOfStake(value) === undefined) {
      throw notFound('STAKE.NOT_FOUND', `No stake ${value}.`, `没有编号为 ${value} 的股份。`);
    }
    return value;
  }
}
