import type { TestApp } from './test-app';

/**
 * The county the browser journeys start from (as lease-fixture.ts is for the payment e2e tests): an
 * auditor, a clerk of 城关镇 (英山县), households of one village of 城关镇, and the village's
 * cooperative. Each journey then records what it shows on top.
 */
export interface ConsoleFixture {
  auditor: string;
  clerk: string;
  /** Posts as the admin, expecting 201: the new id and the ledger position. */
  write(path: string, body: object): Promise<{ id: string; position: number }>;
  /** Registers a household of the fixture's village, 城关镇, 英山县. */
  household(registrationNo: string, headName: string): Promise<string>;
  /** Registers a cooperative of 城关镇, 英山县. */
  cooperative(name: string): Promise<string>;
}

export async function consoleFixture(t: TestApp, village: string): Promise<ConsoleFixture> {
  const write = async (path: string, body: object) =>
    (await t.post(path, body).expect(201)).body as { id: string; position: number };
  return {
    auditor: await t.userToken({ role: 'auditor' }),
    clerk: await t.userToken({ role: 'clerk', townships: ['城关镇'] }),
    write,
    household: async (registrationNo, headName) =>
      (
        await write('/v1/households', {
          registrationNo,
          headName,
          members: 3,
          village,
          township: '城关镇',
          county: '英山县',
        })
      ).id,
    cooperative: async (name) =>
      (await write('/v1/entities', { name, kind: 'cooperative', township: '城关镇', county: '英山县' })).id,
  };
}
