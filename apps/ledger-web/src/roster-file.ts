/**
 * A roster file read in the browser, only to show the clerk their own rows beside the API's verdict:
 * CSV in UTF-8 (with or without BOM) or GBK/GB18030, as the API accepts. The API alone validates.
 */
export interface RosterPreview {
  header: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (the header is row 1). */
  rows: string[][];
}

/** Decodes as UTF-8 when the bytes are valid UTF-8, else as GB18030 (a superset of GBK). */
export function decodeRoster(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The file as header and rows, or `undefined` when it is not a CSV (an .xlsx is not unpacked here). */
export async function previewRoster(file: File): Promise<RosterPreview | undefined> {
  if (!/\.csv$/i.test(file.name)) return undefined;
  const [header = [], ...rows] = parseCsv(decodeRoster(await file.arrayBuffer()));
  return { header: header.map((h) => h.trim()), rows };
}
