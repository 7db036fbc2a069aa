import type { EntityKind } from '../entity.events';
import type { StakeRecord } from '../entity.state';

/** An entity as the API shows it, with the stakes held in it. */
export interface EntityView {
  id: string;
  name: string;
  kind: EntityKind;
  creditCode?: string;
  township: string;
  county: string;
  stakes: StakeRecord[];
  position: number;
}
