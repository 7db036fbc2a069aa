import qrcode from 'qrcode-generator';

/** A QR code's dark modules (row by row), error correction M: a smudged card still scans. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/**
 * The QR code as an inline SVG: one path, a 4-module quiet zone, crisp edges, scaling to its box.
 * `label` is what a screen reader says instead.
 */
export function qrSvg(text: string, label: string): string {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const size = matrix.length + quiet * 2;
  const path = matrix
    .flatMap((cells, row) =>
      cells.map((dark, col) => (dark ? `M${col + quiet} ${row + quiet}h1v1h-1z` : '')).filter(Boolean),
    )
    .join('');
  const safe = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="${safe}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
