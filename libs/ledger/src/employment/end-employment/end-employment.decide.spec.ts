import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { EMPLOYMENT_ID, reversed, started, wagePaid } from '../employment.fixtures';
import type { EmploymentEvent } from '../employment.events';
import { employment } from '../employment.state';
import { EndEmploymentCommand } from './end-employment.command';
import { decideEndEmployment } from './end-employment.decide';

const spec = specFor(employment, decideEndEmployment);

const end = (endsOn = '2018-10-31', actor = admin) =>
  new EndEmploymentCommand({ employmentId: EMPLOYMENT_ID, endsOn, reason: '采摘季结束' }, metadataFor(actor));
const ended = (endsOn = '2018-10-31'): EmploymentEvent => ({
  type: 'EmploymentEnded',
  data: { employmentId: EMPLOYMENT_ID, endsOn, reason: '采摘季结束' },
});

describe('end an employment', () => {
  it('ends it on a date, keeping the months already paid', () => {
    spec
      .given([started, wagePaid(1, '2018-10')])
      .when(end())
      .then([ended()]);
  });

  it('may end on the day it started', () => {
    spec
      .given([started])
      .when(end('2018-03-15'))
      .then([ended('2018-03-15')]);
  });

  it('refuses an end before the start', () => {
    spec.given([started]).when(end('2018-03-14')).thenRefused('EMPLOYMENT.ENDS_BEFORE_START', 'rule');
  });

  it('refuses to end it twice', () => {
    spec.given([started, ended()]).when(end('2018-11-30')).thenRefused('EMPLOYMENT.ALREADY_ENDED', 'rule');
  });

  it('refuses an end before a month already paid, unless that payment was reversed', () => {
    spec
      .given([started, wagePaid(1, '2018-11')])
      .when(end('2018-10-31'))
      .thenRefused('EMPLOYMENT.PAID_AFTER_END', 'rule');
    spec
      .given([started, wagePaid(1, '2018-11'), reversed(1)])
      .when(end('2018-10-31'))
      .then([ended()]);
  });

  it('answers not found for an employment nobody recorded', () => {
    spec.given([]).when(end()).thenRefused('EMPLOYMENT.NOT_FOUND', 'not_found');
  });

  it("lets only admins and clerks of the household's township end it", () => {
    spec
      .given([started])
      .when(end('2018-10-31', clerkOf('城关镇')))
      .then([ended()]);
    spec
      .given([started])
      .when(end('2018-10-31', clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([started]).when(end('2018-10-31', auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
