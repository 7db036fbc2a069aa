import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { notice } from '../notice.state';
import { declarationId, li, noticeId, posted, zhang } from '../notice.fixtures';
import { PostNoticeCommand } from './post-notice.command';
import { ERASED } from '../../personal-data/erased';
import { decidePostNotice, noticeRows, type NoticeListing } from './post-notice.decide';

const listed: NoticeListing = [
  { householdId: li, headName: '李四', registrationNo: '421127010100102', amountFen: 1_500_00 },
  { householdId: zhang, headName: '张三明', registrationNo: '421127010100101', amountFen: 1_500_00 },
];
const post = (overrides: Partial<PostNoticeCommand['payload']> = {}) => ({
  noticeId,
  village: '桃园村',
  township: '城关镇',
  title: '桃园村2018年上半年分红公示',
  subject: { declarationId },
  opensOn: '2018-07-01',
  closesOn: '2018-07-07',
  ...overrides,
});
const withListing = (listing: NoticeListing) =>
  specFor(notice, (command: PostNoticeCommand, state) => decidePostNotice(command, state, listing));

describe('post a public notice', () => {
  it('freezes one masked row per household, ordered by registration number', () => {
    withListing(listed)
      .given([])
      .when(new PostNoticeCommand(post(), metadataFor(clerkOf('城关镇'))))
      .then([posted]);
  });

  it('lists an erased household (its name reads [已删除]) with its amount and neither name nor number', () => {
    const rows = noticeRows([{ ...listed[1], headName: ERASED }, listed[0]]);
    expect(rows).toEqual([
      { rowId: 'r1', householdId: zhang, maskedName: ERASED, maskedRegistrationNo: ERASED, amountFen: 1_500_00 },
      posted.data.rows[1],
    ]);
  });

  it('refuses a window shorter than seven days, both ends included', () => {
    withListing(listed)
      .given([])
      .when(new PostNoticeCommand(post({ closesOn: '2018-07-06' }), metadataFor(admin)))
      .thenRefused('NOTICE.WINDOW_TOO_SHORT', 'rule');
    withListing(listed)
      .given([])
      .when(new PostNoticeCommand(post({ opensOn: '2018-07-08' }), metadataFor(admin)))
      .thenRefused('NOTICE.WINDOW_TOO_SHORT', 'rule');
  });

  it('refuses an unknown subject, and a subject with nobody of the village on it', () => {
    withListing(undefined)
      .given([])
      .when(new PostNoticeCommand(post(), metadataFor(admin)))
      .thenRefused('NOTICE.SUBJECT_NOT_FOUND', 'rule');
    withListing([])
      .given([])
      .when(new PostNoticeCommand(post(), metadataFor(admin)))
      .thenRefused('NOTICE.NO_ROWS', 'rule');
  });

  it('lets a clerk post for its townships only, and never an auditor', () => {
    withListing(listed)
      .given([])
      .when(new PostNoticeCommand(post(), metadataFor(clerkOf('温泉镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    withListing(listed)
      .given([])
      .when(new PostNoticeCommand(post(), metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
