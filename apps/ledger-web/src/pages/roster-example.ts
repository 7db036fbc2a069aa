import { KIND_COLUMNS, parseYuanToFen, type ImportKind } from '@ledger/contract';
import type { RosterPreview } from '../roster-file';

export { rosterExample } from '@ledger/contract';

/** The amount column of a previewed roster (its header or any alias), when the kind has one. */
function amountColumn(kind: ImportKind, preview: RosterPreview): number | undefined {
  const spec = KIND_COLUMNS[kind].find((c) => c.key === 'amount' || c.key === 'principal');
  if (!spec) return undefined;
  const names = new Set([spec.key, spec.zh, ...(spec.aliases ?? [])].map(simplify));
  const i = preview.header.findIndex((h) => names.has(simplify(h)));
  return i < 0 ? undefined : i;
}

const simplify = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\uFEFF]/g, '')
    .replace(/\((元|yuan)\)$/i, '')
    .toLowerCase();

/** Each data row's amount in fen (by spreadsheet row number), where the cell is an amount. */
export function rosterAmounts(kind: ImportKind, preview: RosterPreview | undefined): Map<number, number> {
  const amounts = new Map<number, number>();
  if (!preview) return amounts;
  const column = amountColumn(kind, preview);
  if (column === undefined) return amounts;
  preview.rows.forEach((cells, i) => {
    const parsed = parseYuanToFen((cells[column] ?? '').trim());
    if (parsed.ok) amounts.set(i + 2, parsed.fen);
  });
  return amounts;
}
