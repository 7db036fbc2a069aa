import type { Pool } from 'pg';
import type { CollectiveIncomeSource } from '../collective.events';
import { distributionStanding } from './distribution-standing';
import { readCurrentIncome } from './read-income-sources';

/** A statement line as read: a distribution's carries the income its payment recorded in `basis`. */
interface LineWithBasis {
  kind: string;
  linkage_id: string;
  basis: Record<string, unknown>;
}

/**
 * A household's distribution lines with the collective's income as it stands now (one query for all
 * of them), the recorded sources kept beside as `declaredIncomeSources` when they have changed since.
 * Other lines are returned as they are.
 */
export async function withCurrentIncome<Line extends LineWithBasis>(
  pool: Pool,
  lines: readonly Line[],
): Promise<Line[]> {
  const ids = [...new Set(lines.filter((l) => l.kind === 'distribution').map((l) => l.linkage_id))];
  if (ids.length === 0) return [...lines];
  const current = await readCurrentIncome(pool, ids);
  return lines.map((line) => {
    const now = current.get(line.linkage_id);
    if (line.kind !== 'distribution' || now === undefined) return line;
    const { incomeSources, declaredIncomeSources } = distributionStanding(
      {
        poolFen: Number(line.basis.poolFen),
        distributedBeforeFen: now.distributedBeforeFen,
        incomeSources: line.basis.incomeSources as CollectiveIncomeSource[],
      },
      now.incomeSources,
    );
    return {
      ...line,
      basis: {
        ...line.basis,
        incomeSources,
        ...(declaredIncomeSources === undefined ? {} : { declaredIncomeSources }),
      },
    };
  });
}
