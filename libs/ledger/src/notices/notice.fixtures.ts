import type { NoticeEvent, NoticePosted, ObjectionRaised } from './notice.events';

/** Shared figures for the notice specs: 桃园村 of 城关镇, open 2018-07-01 through 2018-07-07. */
export const noticeId = 'notice-00000000-0000-5000-8000-0000000000a1';
export const declarationId = 'dividend-00000000-0000-5000-8000-0000000000d1';
export const zhang = 'household-00000000-0000-5000-8000-000000000001';
export const li = 'household-00000000-0000-5000-8000-000000000002';

export const posted: NoticePosted = {
  type: 'NoticePosted',
  data: {
    noticeId,
    village: '桃园村',
    township: '城关镇',
    title: '桃园村2018年上半年分红公示',
    subject: { declarationId },
    opensOn: '2018-07-01',
    closesOn: '2018-07-07',
    rows: [
      {
        rowId: 'r1',
        householdId: zhang,
        maskedName: '张*明',
        maskedRegistrationNo: '***********0101',
        amountFen: 1_500_00,
      },
      { rowId: 'r2', householdId: li, maskedName: '李*', maskedRegistrationNo: '***********0102', amountFen: 1_500_00 },
    ],
  },
};

export const objected = (n: number, rowId?: string): ObjectionRaised => ({
  type: 'ObjectionRaised',
  data: {
    objectionId: `${noticeId}.o${n}`,
    noticeId,
    ...(rowId === undefined ? {} : { rowId }),
    text: '金额不对',
    raisedOn: '2018-07-02',
  },
});

export const resolved = (n: number, outcome: 'upheld' | 'rejected' = 'upheld'): NoticeEvent => ({
  type: 'ObjectionResolved',
  data: { objectionId: `${noticeId}.o${n}`, outcome, response: '已核实', resolvedOn: '2018-07-03' },
});

/** An instant on a China-time date, for a command's `issuedAt`. */
export const onDay = (date: string): string => `${date}T10:00:00+08:00`;
