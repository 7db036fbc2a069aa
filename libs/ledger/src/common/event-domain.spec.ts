import { DomainError } from './domain-error';
import { eventDataProblem } from './event-domain';
import { eventsToAppend } from './stream-writer';
import { admin, metadataFor } from './testing/actors';

describe('event data the log may hold', () => {
  it('given data inside the input domain, then nothing is wrong', () => {
    expect(
      eventDataProblem({
        householdId: 'household-1',
        headName: '张三',
        enrolledOn: '2016-03-01',
        dues: [{ period: '2018-H1', dueOn: '2018-01-01', amountFen: 100 }],
        reason: '重复录入\n已更正',
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ enrolledOn: '0000-01-01' }, 'enrolledOn'],
    [{ paidOn: '9999-12-31' }, 'paidOn'],
    [{ recordDate: '1949-09-30' }, 'recordDate'],
    [{ period: '0000' }, 'period'],
    [{ dues: [{ period: '2018', dueOn: '2101-01-01' }] }, 'dues[0].dueOn'],
    [{ headName: 'a\u0000b' }, 'headName'],
    [{ reference: '\ud800' }, 'reference'],
    [{ amountFen: Infinity }, 'amountFen'],
  ])('given %j, then the field is named', (data, path) => {
    expect(eventDataProblem(data)).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}:`));
  });
});

describe('eventsToAppend (every write passes here: handlers and the roster importer)', () => {
  it('refuses to append an event a projection could not apply, naming the field', () => {
    const write = () =>
      eventsToAppend(
        'household-1',
        [{ type: 'HouseholdRegistered', data: { enrolledOn: '0000-01-01' } }],
        metadataFor(admin),
      );
    expect(write).toThrow(DomainError);
    expect(write).toThrow(/enrolledOn: 0000-01-01/);
  });
});
