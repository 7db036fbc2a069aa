import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { entity, stakesActiveOn } from '../../entities/entity.state';
import { entityId, farmRegistered, stake } from '../stake.fixtures';
import { EndStakeCommand } from './end-stake.command';
import { decideEndStake } from './end-stake.decide';

const spec = specFor(entity, decideEndStake);
const stakeId = `${entityId}.s1`;
const end = (endsOn: string) => ({ stakeId, entityId, endsOn, reason: '股金已赎回' });
const ended = (endsOn: string) =>
  ({ type: 'StakeEnded', data: { stakeId, entityId, endsOn, reason: '股金已赎回' } }) as const;

describe('end a stake', () => {
  it('records the end; the stake no longer counts after that day', () => {
    spec
      .given([farmRegistered, stake(1)])
      .when(new EndStakeCommand(end('2018-06-30'), metadataFor(clerkOf('城关镇'))))
      .then([ended('2018-06-30')]);
    const state = [farmRegistered, stake(1), ended('2018-06-30')].reduce(entity.evolve, entity.initialState);
    expect(stakesActiveOn(state, '2018-06-30')).toHaveLength(1);
    expect(stakesActiveOn(state, '2018-07-01')).toHaveLength(0);
  });

  it('may end on the day it started, or on the last day of its term', () => {
    spec
      .given([farmRegistered, stake(1)])
      .when(new EndStakeCommand(end('2017-12-01'), metadataFor(admin)))
      .then([ended('2017-12-01')]);
    spec
      .given([farmRegistered, stake(1, { endsOn: '2020-11-30' })])
      .when(new EndStakeCommand(end('2020-11-30'), metadataFor(admin)))
      .then([ended('2020-11-30')]);
  });

  it('answers 404 for an unknown stake or entity', () => {
    spec
      .given([farmRegistered])
      .when(new EndStakeCommand(end('2018-06-30'), metadataFor(admin)))
      .thenRefused('STAKE.NOT_FOUND', 'not_found');
    spec
      .given([])
      .when(new EndStakeCommand(end('2018-06-30'), metadataFor(admin)))
      .thenRefused('STAKE.NOT_FOUND', 'not_found');
  });

  it('refuses ending a stake twice', () => {
    spec
      .given([farmRegistered, stake(1), ended('2018-06-30')])
      .when(new EndStakeCommand(end('2018-07-31'), metadataFor(admin)))
      .thenRefused('STAKE.ALREADY_ENDED', 'rule');
  });

  it('refuses an end before the start or after the agreed term', () => {
    spec
      .given([farmRegistered, stake(1)])
      .when(new EndStakeCommand(end('2017-11-30'), metadataFor(admin)))
      .thenRefused('STAKE.ENDS_BEFORE_START', 'rule');
    spec
      .given([farmRegistered, stake(1, { endsOn: '2020-11-30' })])
      .when(new EndStakeCommand(end('2020-12-01'), metadataFor(admin)))
      .thenRefused('STAKE.ENDS_AFTER_TERM', 'rule');
  });

  it('scopes clerks by the stake’s township, and refuses auditors', () => {
    spec
      .given([farmRegistered, stake(1)])
      .when(new EndStakeCommand(end('2018-06-30'), metadataFor(clerkOf('温泉镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec
      .given([farmRegistered, stake(1)])
      .when(new EndStakeCommand(end('2018-06-30'), metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
