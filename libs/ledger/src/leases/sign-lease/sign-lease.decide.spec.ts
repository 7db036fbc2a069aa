import type { RentSchedule } from '../../primitives/rent';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { LeaseSigned } from '../lease.events';
import { lease } from '../lease.state';
import { SignLeaseCommand } from './sign-lease.command';
import { decideSignLease, type SignLeaseParties } from './sign-lease.decide';

const parties: SignLeaseParties = {
  household: { householdId: 'household-1', township: '城关镇' },
  entity: { entityId: 'entity-1', name: '桃园合作社' },
};
const spec = (p: SignLeaseParties = parties) =>
  specFor(lease, (command: SignLeaseCommand, state) => decideSignLease(command, state, p));

const terms = {
  leaseId: 'lease-1',
  entityId: 'entity-1',
  householdId: 'household-1',
  areaMu: '2.5',
  rentPerMuYearFen: 80_000,
  startsOn: '2018-01-01',
  endsOn: '2020-12-31',
  schedule: 'yearly' as RentSchedule,
};
const sign = (overrides: Partial<typeof terms> = {}, actor = clerkOf('城关镇')) =>
  new SignLeaseCommand({ ...terms, ...overrides }, metadataFor(actor));

const signed: LeaseSigned = {
  type: 'LeaseSigned',
  data: {
    ...terms,
    areaMu: '2.50',
    entityName: '桃园合作社',
    township: '城关镇',
    dues: [
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
      { period: '2019', dueOn: '2019-01-01', share: '1', amountFen: 200_000 },
      { period: '2020', dueOn: '2020-01-01', share: '1', amountFen: 200_000 },
    ],
  },
};

describe('sign a lease', () => {
  it('2.50 mu × 800 yuan/mu/year, yearly over 2018-01-01..2020-12-31: three dues of 2,000 yuan', () => {
    spec().given([]).when(sign()).then([signed]);
  });

  it('records the area with two decimals, the entity name and the household township', () => {
    const [event] = spec()
      .given([])
      .when(sign({ areaMu: '3' }))
      .thenEvents();
    expect(event.type === 'LeaseSigned' && event.data).toMatchObject({
      areaMu: '3.00',
      entityName: '桃园合作社',
      township: '城关镇',
    });
  });

  it('charges a partly covered period for its whole months inside the term, and drops one with none', () => {
    const [event] = spec()
      .given([])
      .when(sign({ startsOn: '2018-03-15', endsOn: '2019-03-14', schedule: 'quarterly' }))
      .thenEvents();
    expect(event.type === 'LeaseSigned' && event.data.dues).toEqual([
      { period: '2018-Q2', dueOn: '2018-04-01', share: '1/4', amountFen: 50_000 },
      { period: '2018-Q3', dueOn: '2018-07-01', share: '1/4', amountFen: 50_000 },
      { period: '2018-Q4', dueOn: '2018-10-01', share: '1/4', amountFen: 50_000 },
      { period: '2019-Q1', dueOn: '2019-01-01', share: '1/6', amountFen: 33_333 },
    ]);
  });

  it('a yearly lease from mid-March is due on its start for 9/12 of the first year', () => {
    const [event] = spec()
      .given([])
      .when(sign({ startsOn: '2018-03-15' }))
      .thenEvents();
    expect(event.type === 'LeaseSigned' && event.data.dues[0]).toEqual({
      period: '2018',
      dueOn: '2018-03-15',
      share: '3/4',
      amountFen: 150_000,
    });
  });

  it('half-yearly: six dues of 1,000 yuan', () => {
    const [event] = spec()
      .given([])
      .when(sign({ schedule: 'half_yearly' }))
      .thenEvents();
    expect(event.type === 'LeaseSigned' && event.data.dues.map((d) => [d.period, d.amountFen])).toEqual([
      ['2018-H1', 100_000],
      ['2018-H2', 100_000],
      ['2019-H1', 100_000],
      ['2019-H2', 100_000],
      ['2020-H1', 100_000],
      ['2020-H2', 100_000],
    ]);
  });

  it('refuses an unknown household or entity', () => {
    spec({ entity: parties.entity }).given([]).when(sign()).thenRefused('LEASE.UNKNOWN_HOUSEHOLD', 'rule');
    spec({ household: parties.household }).given([]).when(sign()).thenRefused('LEASE.UNKNOWN_ENTITY', 'rule');
  });

  it('refuses a term that does not end after it starts', () => {
    spec()
      .given([])
      .when(sign({ endsOn: '2017-12-31' }))
      .thenRefused('LEASE.END_NOT_AFTER_START', 'rule');
    spec()
      .given([])
      .when(sign({ endsOn: '2018-01-01' }))
      .thenRefused('LEASE.END_NOT_AFTER_START', 'rule');
  });

  it('refuses a term holding no whole calendar month (no rent would ever fall due)', () => {
    spec()
      .given([])
      .when(sign({ startsOn: '2018-03-02', endsOn: '2018-04-29' }))
      .thenRefused('LEASE.NO_RENT_DUE', 'rule');
  });

  it('refuses a rent beyond what the ledger records', () => {
    spec()
      .given([])
      .when(sign({ areaMu: '99999.99', rentPerMuYearFen: Number.MAX_SAFE_INTEGER }))
      .thenRefused('LEASE.RENT_TOO_LARGE', 'rule');
  });

  it('refuses an area the validator would not have let through', () => {
    spec()
      .given([])
      .when(sign({ areaMu: '2.555' }))
      .thenRefused('LEASE.INVALID_AREA', 'rule');
  });

  it('lets an admin sign anywhere, refuses a clerk of another township and an auditor', () => {
    spec().given([]).when(sign({}, admin)).then([signed]);
    spec()
      .given([])
      .when(sign({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec().given([]).when(sign({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });

  it('refuses to sign over an existing lease stream, as a conflict', () => {
    spec().given([signed]).when(sign()).thenRefused('LEASE.ALREADY_SIGNED', 'conflict');
  });
});
