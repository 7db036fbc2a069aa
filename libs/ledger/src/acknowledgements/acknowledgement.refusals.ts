import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about a household's acknowledgement of its statement (明白卡 signed or disputed). */
export const ACKNOWLEDGEMENT_REFUSALS = {
  'ACKNOWLEDGEMENT.FIGURES_CHANGED': { kind: 'rule', field: 'totalFen' },
} as const satisfies RefusalCatalogue;
