import { conflict } from '../../common/domain-error';
import { assertLinkageParties, type LinkageParties } from '../../common/linkage-parties';
import type { EmploymentEvent } from '../employment.events';
import type { EmploymentState } from '../employment.state';
import type { StartEmploymentCommand } from './start-employment.command';

export function decideStartEmployment(
  command: StartEmploymentCommand,
  state: EmploymentState,
  parties: LinkageParties,
): EmploymentEvent[] {
  const { payload, metadata } = command;
  const { household, entity } = assertLinkageParties('EMPLOYMENT', payload, parties, metadata.actor);
  if (state.status !== 'none') {
    throw conflict(
      'EMPLOYMENT.ALREADY_STARTED',
      `Employment ${payload.employmentId} is already recorded.`,
      `劳务联结 ${payload.employmentId} 已登记。`,
    );
  }
  return [
    {
      type: 'EmploymentStarted',
      data: { ...payload, entityName: entity.name, township: household.township },
    },
  ];
}
