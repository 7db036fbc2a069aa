/*
 * No new pair of folders in libs/ledger/src that import each other (`npm run lint:structure` feeds it
 * dependency-cruiser's JSON of apps and libs, dist/dependencies.json; only libs/ledger/src counts).
 * dependency-cruiser's own folder rules see every nested folder and every long cycle through
 * common/, too many to list; this counts capabilities (the first folder under src/), runtime imports
 * only, as its rules do. No pair remains (issue 13 untangled
 * the last four), so ALLOWED is empty and any pair fails; were one ever listed again, a listed pair
 * that is gone would fail too, so the list only shrinks.
 */
const ALLOWED = [];

const SRC = 'libs/ledger/src/';
const folderOf = (path) =>
  path.startsWith(SRC) && path.slice(SRC.length).includes('/') ? path.slice(SRC.length).split('/')[0] : undefined;

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const edges = new Set();
  for (const module of JSON.parse(input).modules) {
    const from = folderOf(module.source);
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (from && to && from !== to) edges.add(`${from}>${to}`);
    }
  }
  const pairs = [...edges]
    .map((edge) => edge.split('>'))
    .filter(([from, to]) => from < to && edges.has(`${to}>${from}`))
    .map(([a, b]) => `${a} <-> ${b}`);
  const added = pairs.filter((pair) => !ALLOWED.includes(pair));
  const gone = ALLOWED.filter((pair) => !pairs.includes(pair));
  for (const pair of added) console.error(`folders import each other: ${pair} (move what one needs of the other)`);
  for (const pair of gone) console.error(`no longer a cycle: ${pair} (remove it from libs/ledger/folder-cycles.cjs)`);
  if (added.length + gone.length > 0) process.exitCode = 1;
  else console.log(`folder cycles: ${pairs.length}, each listed`);
});
