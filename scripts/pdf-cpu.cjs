// Per-PDF CPU of the household statement card, warm (issue 20): `node scripts/pdf-cpu.cjs [cards]`.
// Loads the TypeScript sources through @swc/core (no build), prints one card to warm up, then
// measures the process's CPU time (user + system) over the cards and the share of the font subset.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@ledger\/(event-store|database|ledger|runtime)(\/.*)?$/.exec(request);
  return resolve.call(this, m ? path.join(root, 'libs', m[1], 'src', m[2] ?? '') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const printable = path.join(root, 'libs/ledger/src/statements/printable');
const { renderStatementPdf, warmUpStatementPdf } = require(path.join(printable, 'statement-pdf.ts'));
const { fixtureStatement, manyLines } = require(path.join(printable, 'statement.fixtures.ts'));

// The share of the font subset: pdfkit's EmbeddedFont.embed (fontkit's CFF subset), timed in place.
let embedUs = 0;
const pdfkit = require('pdfkit');
const probe = new pdfkit({ autoFirstPage: false });
const { fontkit } = { fontkit: Module.createRequire(require.resolve('pdfkit'))('fontkit') };
const { cjkFontPaths } = require(path.join(printable, 'statement-pdf.ts'));
const embedded = probe.font(fontkit.create(fs.readFileSync(cjkFontPaths().regular))) && probe._font;
const proto = Object.getPrototypeOf(embedded);
const embed = proto.embed;
proto.embed = function (...args) {
  const t = process.cpuUsage();
  try {
    return embed.apply(this, args);
  } finally {
    const u = process.cpuUsage(t);
    embedUs += u.user + u.system;
  }
};

async function main() {
  const cards = Number(process.argv[2] ?? 50);
  await warmUpStatementPdf();
  const statements = Array.from({ length: cards }, (_, i) =>
    fixtureStatement({
      lines: manyLines(4 + (i % 20)),
      household: { ...fixtureStatement().household, headName: `户主${'张王李赵刘陈杨黄'[i % 8]}${i}` },
    }),
  );
  embedUs = 0;
  const start = process.cpuUsage();
  const wall = process.hrtime.bigint();
  let bytes = 0;
  for (const s of statements) bytes += (await renderStatementPdf(s, { verificationCode: '1234-5678-9012' })).length;
  const cpu = process.cpuUsage(start);
  const cpuMs = (cpu.user + cpu.system) / 1000 / cards;
  const wallMs = Number(process.hrtime.bigint() - wall) / 1e6 / cards;
  console.log(
    `${cards} cards: ${cpuMs.toFixed(1)} ms CPU and ${wallMs.toFixed(1)} ms wall per PDF (font subset ${(embedUs / 1000 / cards).toFixed(1)} ms), ${Math.round(bytes / cards / 1024)} KB each`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
