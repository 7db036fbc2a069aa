import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs in a plain Node process: pdf.js (inside pdf-parse) loads its worker with a dynamic `import()`,
 * which jest's module sandbox cannot do. One process serves a whole test file: starting it and
 * loading pdf.js cost about 0.9 s of CPU, which every PDF read paid when each had a process of its own.
 * Requests are length-prefixed PDFs on stdin; answers are JSON lines, in the same order.
 */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
let buffer = Buffer.alloc(0);
let queue = Promise.resolve();
async function read(pdf) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.pages.map((p) => p.text) };
  } catch (error) {
    return { error: String((error && error.stack) || error) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32BE(0)) {
    const pdf = Buffer.from(buffer.subarray(4, 4 + buffer.readUInt32BE(0)));
    buffer = buffer.subarray(4 + pdf.length);
    queue = queue.then(() => read(pdf)).then((answer) => process.stdout.write(JSON.stringify(answer) + '\\n'));
  }
});
process.stdin.on('end', () => queue.then(() => process.exit(0)));
`;

type Answer = { text: string; pages: string[] } | { error: string };

/** Idle this long, the reader ends, so no process outlives the test file that started it. */
const IDLE_MS = 5_000;

interface Reader {
  child: ChildProcess;
  waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void }[];
  idle?: NodeJS.Timeout;
}

let reader: Reader | undefined;

/** Holds the process and its pipes open while an answer is awaited, and lets them go when idle. */
function hold(r: Reader, held: boolean): void {
  for (const handle of [r.child, r.child.stdin, r.child.stdout, r.child.stderr] as const) {
    const h = handle as { ref?: () => void; unref?: () => void } | null;
    if (held) h?.ref?.();
    else h?.unref?.();
  }
}

function start(): Reader {
  const child = spawn(process.execPath, ['-e', SCRIPT], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
  const r: Reader = { child, waiting: [] };
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  // A write to a reader that died fails on exit below, with its stderr; not as an unhandled EPIPE.
  child.stdin.on('error', () => undefined);
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    let newline: number;
    while ((newline = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, newline);
      out = out.slice(newline + 1);
      r.waiting.shift()?.resolve(JSON.parse(line) as Answer);
    }
    if (r.waiting.length === 0) {
      hold(r, false);
      r.idle = setTimeout(() => child.stdin.end(), IDLE_MS);
      r.idle.unref();
    }
  });
  child.on('exit', (code) => {
    if (reader === r) reader = undefined;
    for (const w of r.waiting.splice(0)) w.reject(new Error(`the PDF reader exited (${code}):\n${err}`));
  });
  return r;
}

/** The text a reader or a search gets out of a PDF, in all and page by page (pdf.js via pdf-parse). */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: string[] }> {
  // A reader whose input was closed for idleness is on its way out: start another.
  if (!reader || reader.child.stdin!.writableEnded) reader = start();
  const r = reader;
  clearTimeout(r.idle);
  hold(r, true);
  const answer = new Promise<Answer>((resolve, reject) => r.waiting.push({ resolve, reject }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(pdf.length);
  r.child.stdin!.write(Buffer.concat([length, pdf]));
  const read = await answer;
  if ('error' in read) throw new Error(read.error);
  return read;
}
