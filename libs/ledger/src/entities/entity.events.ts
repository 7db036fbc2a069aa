import type { DomainEvent } from '../common/decider';

/** Kinds of operating entity (经营主体). */
export type EntityKind = 'company' | 'cooperative' | 'village_collective' | 'base' | 'satellite_factory' | 'pv_station';

export const ENTITY_KINDS: readonly EntityKind[] = [
  'company',
  'cooperative',
  'village_collective',
  'base',
  'satellite_factory',
  'pv_station',
];

/** An operating entity that households are linked to: it holds stakes, leases land, employs, buys produce. */
export type EntityRegistered = DomainEvent<
  'EntityRegistered',
  {
    entityId: string;
    name: string;
    kind: EntityKind;
    /** Unified social credit code (统一社会信用代码), 18 characters. */
    creditCode?: string;
    township: string;
    county: string;
  }
>;
