import { eventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The shared contract against a real EventStoreDB (22.6 or later), e.g.
 * `EVENTSTORE_CONNECTION_STRING='esdb://admin:changeit@localhost:2113?tls=false' npx jest --selectProjects int`.
 * Every test writes to fresh streams, so the server may be reused between runs; it should hold nothing
 * but this suite's events, since `verify()` checks every non-system event on it. Reading `$all`
 * needs an admin (or an ACL that grants it) on a secure server.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const describeIfEventStoreDb = connectionString ? describe : describe.skip;

const skipReason = 'skipped because EVENTSTORE_CONNECTION_STRING is not set';

// Jest shows a skipped file's console output only with --verbose: write the reason straight to stderr.
if (!connectionString) process.stderr.write(`EventStoreDbEventStore contract ${skipReason}\n`);

describeIfEventStoreDb(`EventStoreDbEventStore${connectionString ? '' : ` (${skipReason})`}`, () => {
  describe('contract', () => {
    eventStoreContract(() => {
      const store = EventStoreDbEventStore.connect(connectionString!);
      return Promise.resolve({ store, dispose: () => store.close() });
    });
  });
});
