import { Query } from '@nestjs/cqrs';
import type { Actor } from '../common/actor';
import type { CoverageLevel, CoverageRequest } from './coverage.dto';

/** One place's coverage: how many registered households have at least one active linkage. */
export interface CoverageRow {
  county: string;
  township?: string;
  village?: string;
  households: number;
  /** Households with at least one linkage active on `on`. */
  covered: number;
  /** Households covered by each form (a household may count under several). */
  byForm: { equity: number; lease: number; labour: number; order: number };
  /** Unreversed payments to these households paid in `year`. */
  receivedFen: number;
}

export interface Coverage {
  level: CoverageLevel;
  on: string;
  year: number;
  position: number;
  items: CoverageRow[];
  totals: Omit<CoverageRow, 'county' | 'township' | 'village'>;
}

export class GetCoverageQuery extends Query<Coverage> {
  constructor(
    readonly filter: CoverageRequest,
    readonly actor: Actor,
    /** Today in China time, from the controller's clock. */
    readonly today: string,
  ) {
    super();
  }
}
