import type { Migration } from '@ledger/database';

/**
 * What share re-allocation (动态调整), top-up corrections and the county's fund flow add to existing
 * read models. No rows need re-projecting: transfers, reversible top-ups and assistance models did not
 * exist before this migration, so every existing row's new column is rightly empty.
 * - `fund_flow_stakes.transferred_from`: a stake continuing another (its principal counted once);
 * - `fund_flow_topups.reversed`: a top-up reversed or returned by the bank no longer counts;
 * - `obligation_guarantees.promise_starts_on`: the first day of a transferred promise (cumulative rounding);
 * - `project_list.assistance_model`: the project's assistance model (帮扶模式);
 * - `holding_ends.transferred_to`: the stake continuing one whose shares moved (a holding's `transferred` status).
 */
export const transferMigration: Migration = {
  name: '0960-transfer-lineage-county-flow',
  up: `
    alter table fund_flow_stakes add column transferred_from text;
    alter table fund_flow_topups add column reversed boolean not null default false;
    alter table obligation_guarantees add column promise_starts_on text;
    alter table project_list add column assistance_model text;
    alter table holding_ends add column transferred_to text;
  `,
};
