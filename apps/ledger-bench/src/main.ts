import 'reflect-metadata';
import { parseArgs, USAGE } from './args';

/**
 * `npm run bench` and `npm run demo`: the benchmark of the ledger against PostgreSQL's own limit, and
 * the newcomer's demo, both on the synthetic city (libs/ledger/src/demo).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.command === 'demo') {
    const { runDemo } = await import('./demo');
    await runDemo(args);
    return;
  }
  if (args.command === 'province') {
    const { runProvince } = await import('./province/province');
    await runProvince(args);
    return;
  }
  const { runBench } = await import('./bench');
  await runBench(args);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
