import type { Migration } from '@ledger/database';
import {
  householdListMigration,
  householdListProjection,
} from '../households/list-households/household-list.projection';
import type { Projection } from './projection';
import { projectionCheckpointsMigration } from './projections.migration';

/** Every read model the ledger keeps, each fed by its own runner and checkpoint. */
export const ALL_PROJECTIONS: readonly Projection[] = [householdListProjection];

/** Their tables, and the checkpoints table. */
export const projectionMigrations: readonly Migration[] = [projectionCheckpointsMigration, householdListMigration];
