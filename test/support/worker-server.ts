// Each jest worker (JEST_WORKER_ID 1..n) uses its own embedded server: see global-setup.ts.
const urls = JSON.parse(process.env.TEST_DATABASE_URLS ?? '[]') as string[];
if (urls.length > 0) {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  process.env.TEST_DATABASE_URL = urls[(worker - 1) % urls.length];
}
