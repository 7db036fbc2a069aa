import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { LeaseEnded, LeaseEvent, LeaseSigned, RentPaid } from '../lease.events';
import { lease } from '../lease.state';
import { EndLeaseCommand } from './end-lease.command';
import { decideEndLease } from './end-lease.decide';

const spec = specFor(lease, decideEndLease);

const signed: LeaseSigned = {
  type: 'LeaseSigned',
  data: {
    leaseId: 'lease-1',
    entityId: 'entity-1',
    entityName: '桃园合作社',
    householdId: 'household-1',
    township: '城关镇',
    areaMu: '2.50',
    rentPerMuYearFen: 80_000,
    startsOn: '2018-01-01',
    endsOn: '2020-12-31',
    schedule: 'yearly',
    dues: [
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
      { period: '2019', dueOn: '2019-01-01', share: '1', amountFen: 200_000 },
      { period: '2020', dueOn: '2020-01-01', share: '1', amountFen: 200_000 },
    ],
  },
};

const paid = (n: number, period: string, amountFen: number): RentPaid => ({
  type: 'RentPaid',
  data: {
    leaseId: 'lease-1',
    paymentId: `lease-1.p${n}`,
    entityId: 'entity-1',
    householdId: 'household-1',
    period,
    amountFen,
    paidOn: `${period}-02-01`,
    share: '1',
    dueFen: 200_000,
  },
});

const end = (endsOn: string, actor = clerkOf('城关镇')) =>
  new EndLeaseCommand({ leaseId: 'lease-1', endsOn, reason: '土地收回' }, metadataFor(actor));

const endedMidTerm: LeaseEnded = {
  type: 'LeaseEnded',
  data: {
    leaseId: 'lease-1',
    endsOn: '2019-09-15',
    reason: '土地收回',
    dues: [
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
      // January–August 2019: 8/12 of 200,000 = 133,333.33 → 133,333; September is not whole.
      { period: '2019', dueOn: '2019-01-01', share: '2/3', amountFen: 133_333 },
    ],
  },
};

describe('end a lease early', () => {
  it('mid-term: keeps the whole years, charges the last one for its whole months, drops the rest', () => {
    spec.given([signed]).when(end('2019-09-15')).then([endedMidTerm]);
  });

  it('recomputes the same way for a half-yearly lease ended at the end of a half', () => {
    const halfYearly: LeaseSigned = {
      type: 'LeaseSigned',
      data: {
        ...signed.data,
        schedule: 'half_yearly',
        dues: ['2018-H1', '2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2'].map((period, i) => ({
          period,
          dueOn: `${2018 + Math.floor(i / 2)}-${i % 2 === 0 ? '01' : '07'}-01`,
          share: '1/2',
          amountFen: 100_000,
        })),
      },
    };
    const [event] = spec.given([halfYearly]).when(end('2019-06-30')).thenEvents();
    expect(event.type === 'LeaseEnded' && event.data.dues.map((d) => [d.period, d.amountFen])).toEqual([
      ['2018-H1', 100_000],
      ['2018-H2', 100_000],
      ['2019-H1', 100_000],
    ]);
  });

  it('allows an end on the start day (nothing falls due) when nothing was paid', () => {
    const [event] = spec.given([signed]).when(end('2018-01-01')).thenEvents();
    expect(event.type === 'LeaseEnded' && event.data.dues).toEqual([]);
  });

  it('allows an end that leaves every paid period owing at least what was paid', () => {
    spec
      .given([signed, paid(1, '2018', 200_000), paid(2, '2019', 100_000)])
      .when(end('2019-09-15'))
      .then([endedMidTerm]);
  });

  it('refuses an end that would make a paid period owe less than was paid (LEASE.END_BEFORE_PAID_PERIOD)', () => {
    spec
      .given([signed, paid(1, '2018', 200_000), paid(2, '2019', 200_000)])
      .when(end('2019-09-15'))
      .thenRefused('LEASE.END_BEFORE_PAID_PERIOD', 'rule');
    // 2020 paid in advance; ending in 2019 drops 2020 altogether.
    spec
      .given([signed, paid(1, '2020', 1)])
      .when(end('2019-12-31'))
      .thenRefused('LEASE.END_BEFORE_PAID_PERIOD', 'rule');
  });

  it('does not count a reversed payment against the recomputed schedule', () => {
    const reversed: LeaseEvent = {
      type: 'PaymentReversed',
      data: { paymentId: 'lease-1.p2', reversalId: 'lease-1.p2.r', reason: '多付' },
    };
    spec
      .given([signed, paid(1, '2018', 200_000), paid(2, '2019', 200_000), reversed])
      .when(end('2019-09-15'))
      .then([endedMidTerm]);
  });

  it('refuses an end outside the term: before the start, on or after the current end', () => {
    spec.given([signed]).when(end('2017-12-31')).thenRefused('LEASE.END_OUTSIDE_TERM', 'rule');
    spec.given([signed]).when(end('2020-12-31')).thenRefused('LEASE.END_OUTSIDE_TERM', 'rule');
    spec.given([signed]).when(end('2021-06-30')).thenRefused('LEASE.END_OUTSIDE_TERM', 'rule');
  });

  it('refuses to end a lease twice', () => {
    spec.given([signed, endedMidTerm]).when(end('2019-03-31')).thenRefused('LEASE.ALREADY_ENDED', 'rule');
  });

  it('answers 404 for a lease nobody signed', () => {
    spec.given([]).when(end('2019-09-15')).thenRefused('LEASE.NOT_FOUND', 'not_found');
  });

  it('lets an admin end, refuses a clerk of another township and an auditor', () => {
    spec.given([signed]).when(end('2019-09-15', admin)).then([endedMidTerm]);
    spec
      .given([signed])
      .when(end('2019-09-15', clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([signed]).when(end('2019-09-15', auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
