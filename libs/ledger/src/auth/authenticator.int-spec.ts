import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { StreamWriter } from '../common/stream-writer';
import { admin, metadataFor } from '../common/testing/actors';
import { Authenticator } from './authenticator';
import { hashToken, TokenIssuer } from './tokens';
import type { UserEvent } from './user.events';
import { user, userStream } from './user.state';

/** Tokens' actors are remembered for a second (issue 20); a replaced token stops at once in this process. */
describe('Authenticator, remembering signed-in tokens', () => {
  let db: TestDatabase;
  let writer: StreamWriter;
  let reads: number;
  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    const store = new PostgresEventStore(db.pool);
    writer = new StreamWriter({
      ...store,
      appendToStream: store.appendToStream.bind(store),
      readStream: (...args: Parameters<PostgresEventStore['readStream']>) => {
        reads += 1;
        return store.readStream(...args);
      },
    } as unknown as PostgresEventStore);
  });
  afterAll(() => db.drop());

  const append = (userId: string, events: UserEvent[], commandId: string) =>
    writer.decide(userStream(userId), user, () => events, metadataFor(admin, { commandId }));

  it('reads the stream once per second per token, never remembers a refusal, and forgets a replaced token', async () => {
    const authenticator = new Authenticator(writer, new TokenIssuer('s'.repeat(32)));
    // Not registered yet: refused, and not remembered, so registering lets it in at once.
    reads = 0;
    expect(await authenticator.authenticate('clerk-9.old')).toBeUndefined();
    await append(
      'clerk-9',
      [
        {
          type: 'UserRegistered',
          data: {
            userId: 'clerk-9',
            name: '王会计',
            role: 'clerk',
            townships: ['城关镇'],
            tokenHash: hashToken('clerk-9.old'),
          },
        },
      ],
      'register-clerk-9',
    );
    reads = 0;
    expect(await authenticator.authenticate('clerk-9.old')).toMatchObject({ userId: 'clerk-9', role: 'clerk' });
    expect(await authenticator.authenticate('clerk-9.old')).toMatchObject({ userId: 'clerk-9' });
    expect(reads).toBe(1);

    await append(
      'clerk-9',
      [{ type: 'UserTokenReplaced', data: { userId: 'clerk-9', tokenHash: hashToken('clerk-9.new'), reason: 'lost' } }],
      'replace-clerk-9',
    );
    // Replaced elsewhere: this process takes the old token for at most a second more...
    expect(await authenticator.authenticate('clerk-9.old')).toMatchObject({ userId: 'clerk-9' });
    // ...and not at all once told (the replacing process tells its own authenticator).
    authenticator.forget('clerk-9');
    expect(await authenticator.authenticate('clerk-9.old')).toBeUndefined();
    expect(await authenticator.authenticate('clerk-9.new')).toMatchObject({ userId: 'clerk-9' });
  });

  it('reads the stream again once the second is over', async () => {
    const authenticator = new Authenticator(writer, new TokenIssuer('s'.repeat(32)));
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(1_000_000);
      reads = 0;
      await authenticator.authenticate('clerk-9.new');
      now.mockReturnValue(1_000_999);
      await authenticator.authenticate('clerk-9.new');
      expect(reads).toBe(1);
      now.mockReturnValue(1_001_000);
      await authenticator.authenticate('clerk-9.new');
      expect(reads).toBe(2);
    } finally {
      now.mockRestore();
    }
  });
});
