/** Columns a terminal gives a character: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text + ' '.repeat(width - displayWidth(text));
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - displayWidth(out)))}`;
}

/** A plain-text table for people: a header, a rule, rows; the last column is never cut. */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidths: readonly number[],
): string {
  const widths = headers.map((h, i) =>
    Math.min(maxWidths[i] ?? 40, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? '')))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : fit(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(headers),
    widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.max(w, 8) : w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
