import type { Fen } from '../primitives/money';
/* The coverage report as the API answers it. Types only: the web console compiles against this file. */

/** Rows per county, township or village. */
export type CoverageLevel = 'county' | 'township' | 'village';

/** One place's coverage: how many registered households have at least one active linkage. */
export interface CoverageRow {
  county: string;
  township?: string;
  village?: string;
  households: number;
  /** Households with at least one linkage active on `on`. */
  covered: number;
  /** Households covered by each form (a household may count under several). */
  byForm: { equity: number; lease: number; labour: number; order: number; collective: number };
  /** Unreversed payments to these households paid in `year`. */
  receivedFen: Fen;
}

export interface Coverage {
  level: CoverageLevel;
  on: string;
  year: number;
  position: number;
  items: CoverageRow[];
  totals: Omit<CoverageRow, 'county' | 'township' | 'village'>;
}

