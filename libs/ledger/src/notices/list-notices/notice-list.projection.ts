import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import { handledTypes } from '../../projections/ledger-event';
import { eventOf, insertOnce, row, rowStatement, type Projection, type RowSql } from '../../projections/projection';
import type { NoticePosted, ObjectionRaised, ObjectionResolved } from '../notice.events';

/** Every notice with its totals and objection counts, for `GET /v1/notices`; status is taken at query time. */
export const noticeListMigration: Migration = {
  name: '0960-notices-list',
  up: `
    create table notice_list (
      notice_id         text primary key,
      township          text   not null,
      village           text   not null,
      title             text   not null,
      subject           jsonb  not null,
      opens_on          date   not null,
      closes_on         date   not null,
      row_count         int    not null,
      total_fen         bigint not null,
      objections_open   int    not null default 0,
      objections_upheld int    not null default 0,
      objections_rejected int  not null default 0
    );
    create index notice_list_place on notice_list (township, village, opens_on desc);
  `,
};

type NoticeListEvent = NoticePosted | ObjectionRaised | ObjectionResolved;

const TYPES = handledTypes<NoticeListEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'ignores',
  DividendPaid: 'ignores',
  LeaseSigned: 'ignores',
  RentPaid: 'ignores',
  LeaseEnded: 'ignores',
  EmploymentStarted: 'ignores',
  WagePaid: 'ignores',
  EmploymentEnded: 'ignores',
  OrderContracted: 'ignores',
  PurchasePaid: 'ignores',
  PaymentReversed: 'ignores',
  PaymentReturned: 'ignores',
  PaymentReissued: 'ignores',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'ignores',
  NoticePosted: 'handles',
  ObjectionRaised: 'handles',
  ObjectionResolved: 'handles',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
  BankFileReconciled: 'ignores',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'ignores',
});

const NOTICES = insertOnce('notice_list', 'notice_id', {
  notice_id: 'text',
  township: 'text',
  village: 'text',
  title: 'text',
  subject: 'jsonb',
  opens_on: 'date',
  closes_on: 'date',
  row_count: 'int',
  total_fen: 'bigint',
});

const noticeKeys = (r: Readonly<Record<string, unknown>>) => ({
  reads: [`notice_list:${String(r.notice_id)}`],
  writes: [`notice_list:${String(r.notice_id)}`],
});

// Counted per notice over the run, so several objections to one notice in one page all count.
const RAISED = rowStatement({
  columns: { notice_id: 'text' },
  sql: `update notice_list t set objections_open = t.objections_open + c.n
          from (select r.notice_id, count(*)::int as n from ROWS group by r.notice_id) c
         where t.notice_id = c.notice_id`,
  reads: ['notice_list'],
  writes: ['notice_list'],
  keys: noticeKeys,
});

const RESOLVED = rowStatement({
  columns: { notice_id: 'text', outcome: 'text' },
  sql: `update notice_list t
           set objections_open = t.objections_open - c.n,
               objections_upheld = t.objections_upheld + c.upheld,
               objections_rejected = t.objections_rejected + c.n - c.upheld
          from (select r.notice_id, count(*)::int as n, (count(*) filter (where r.outcome = 'upheld'))::int as upheld
                  from ROWS group by r.notice_id) c
         where t.notice_id = c.notice_id`,
  reads: ['notice_list'],
  writes: ['notice_list'],
  keys: noticeKeys,
});

export const noticeListProjection: Projection = {
  name: 'notice-list',
  tables: ['notice_list'],
  handles: TYPES,
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<NoticeListEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'NoticePosted': {
        const d = event.data;
        const total = d.rows.reduce((sum, r) => sum + r.amountFen, 0);
        return [
          row(
            NOTICES,
            d.noticeId,
            d.township,
            d.village,
            d.title,
            JSON.stringify(d.subject),
            d.opensOn,
            d.closesOn,
            d.rows.length,
            total,
          ),
        ];
      }
      case 'ObjectionRaised':
        return [row(RAISED, event.data.noticeId)];
      case 'ObjectionResolved': {
        // Grievances (acknowledgement-….aN) are a household's, not a notice's.
        const [noticeId] = event.data.objectionId.split('.o');
        return noticeId.startsWith('notice-') ? [row(RESOLVED, noticeId, event.data.outcome)] : [];
      }
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
