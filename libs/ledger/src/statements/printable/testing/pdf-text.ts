import { execFile } from 'node:child_process';

/**
 * Runs in a plain Node process: pdf.js (inside pdf-parse) loads its worker with a dynamic `import()`,
 * which jest's module sandbox cannot do.
 */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify({ text: result.text, pages: result.pages.map((p) => p.text) }));
  } finally {
    await parser.destroy();
  }
});
`;

/** The text a reader or a search gets out of a PDF, in all and page by page (pdf.js via pdf-parse). */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: string[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { text: string; pages: string[] });
      },
    );
    child.stdin!.end(pdf);
  });
}
