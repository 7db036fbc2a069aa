import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { decideDeclareDividend } from '../../dividends/declare-dividend/declare-dividend.decide';
import { DeclareDividendCommand } from '../../dividends/declare-dividend/declare-dividend.command';
import type { DividendDeclared } from '../../dividends/dividend.events';
import { dividend } from '../../dividends/dividend.state';
import { entity, type EntityEvent, type EntityState } from '../../entities/entity.state';
import { entityId, farmRegistered, li, projectId, stake, zhang } from '../stake.fixtures';
import { TransferStakeCommand } from './transfer-stake.command';
import { decideTransferStake, type TransferTarget } from './transfer-stake.decide';

const toLi: TransferTarget = { householdId: li, township: '城关镇' };
const specTo = (target: TransferTarget) =>
  specFor(entity, (c: TransferStakeCommand, s) => decideTransferStake(c, s, target));
const spec = specTo(toLi);
const stakeId = `${entityId}.s1`;
const reason = '张家已稳定脱贫，股份调整给李家';
const transfer = (effectiveOn = '2019-01-01', actor = clerkOf('城关镇'), to = li) =>
  new TransferStakeCommand({ stakeId, entityId, toHouseholdId: to, effectiveOn, reason }, metadataFor(actor));

/** Shares bought with the project's fiscal funds for 张, guaranteed 4,000 a year for three years. */
const fiscal = stake(1, {
  source: 'fiscal_fund',
  projectId,
  principalFen: 10_000_00,
  guaranteedYearlyFen: 4_000_00,
  guaranteeSchedule: 'half_yearly',
  guarantor: 'project',
  startsOn: '2018-01-01',
  endsOn: '2020-12-31',
});

describe('transfer a fiscal-fund stake to another household (动态调整)', () => {
  it('ends the old stake the day before and continues it for the new household, same terms, with its lineage', () => {
    spec
      .given([farmRegistered, fiscal])
      .when(transfer())
      .then([
        {
          type: 'StakeEnded',
          data: { stakeId, entityId, endsOn: '2018-12-31', reason, transferredTo: `${entityId}.s2` },
        },
        {
          type: 'StakeAcquired',
          data: {
            stakeId: `${entityId}.s2`,
            entityId,
            householdId: li,
            township: '城关镇',
            projectId,
            source: 'fiscal_fund',
            principalFen: 10_000_00,
            shares: 10,
            guaranteedYearlyFen: 4_000_00,
            guaranteeSchedule: 'half_yearly',
            guarantor: 'project',
            promiseStartsOn: '2018-01-01',
            startsOn: '2019-01-01',
            endsOn: '2020-12-31',
            transferredFrom: stakeId,
          },
        },
      ]);
  });

  it('keeps the promise’s first day through a second transfer', () => {
    const first = spec.given([farmRegistered, fiscal]).when(transfer()).thenEvents();
    const second = specFor(entity, (c: TransferStakeCommand, s) =>
      decideTransferStake(c, s, { householdId: zhang, township: '城关镇' }),
    )
      .given([farmRegistered, fiscal, ...first])
      .when(
        new TransferStakeCommand(
          { stakeId: `${entityId}.s2`, entityId, toHouseholdId: zhang, effectiveOn: '2020-07-01', reason },
          metadataFor(admin),
        ),
      )
      .thenEvents();
    expect(second[1]).toEqual(
      expect.objectContaining({
        data: expect.objectContaining({
          stakeId: `${entityId}.s3`,
          promiseStartsOn: '2018-01-01',
          transferredFrom: `${entityId}.s2`,
        }),
      }),
    );
  });

  it('leaves a declaration recorded before the transfer with the old holder, and one after with the new', () => {
    const events = spec.given([farmRegistered, fiscal]).when(transfer()).thenEvents();
    const farm: EntityState = [farmRegistered, fiscal, ...events].reduce(entity.evolve, entity.initialState);
    const allocate = (period: string, recordDate: string) => {
      const [declared] = specFor(dividend, (c: DeclareDividendCommand, s) => decideDeclareDividend(c, s, farm))
        .given([])
        .when(
          new DeclareDividendCommand(
            {
              declarationId: 'dividend-00000000-0000-5000-8000-0000000000d1',
              entityId,
              period,
              declaredOn: recordDate,
              recordDate,
              poolFen: 3_000_00,
            },
            metadataFor(admin),
          ),
        )
        .thenEvents() as DividendDeclared[];
      return declared.data.allocations.map((a) => [a.stakeId, a.householdId, a.amountFen]);
    };
    expect(allocate('2018-H2', '2018-12-31')).toEqual([[stakeId, zhang, 3_000_00]]);
    expect(allocate('2019-H1', '2019-06-30')).toEqual([[`${entityId}.s2`, li, 3_000_00]]);
  });

  it('moves a stake without a guarantee on any day', () => {
    const plain = stake(1, { source: 'fiscal_fund', projectId, startsOn: '2018-01-01' });
    const events = spec.given([farmRegistered, plain]).when(transfer('2018-09-15')).thenEvents();
    expect(events.map((e) => e.type)).toEqual(['StakeEnded', 'StakeAcquired']);
    expect(events[0].data).toEqual(expect.objectContaining({ endsOn: '2018-09-14' }));
    expect(events[1].data).not.toHaveProperty('promiseStartsOn');
    expect(events[1].data).not.toHaveProperty('endsOn');
  });

  it('refuses land, loan and cash stakes: they belong to their household', () => {
    for (const source of ['land', 'household_loan', 'cash'] as const) {
      spec
        .given([farmRegistered, stake(1, { source, startsOn: '2018-01-01' })])
        .when(transfer())
        .thenRefused('STAKE.TRANSFER_ONLY_FISCAL_FUND', 'rule');
    }
  });

  it('moves a guaranteed stake only on a month’s first day', () => {
    spec
      .given([farmRegistered, fiscal])
      .when(transfer('2019-01-15'))
      .thenRefused('STAKE.TRANSFER_GUARANTEE_MID_MONTH', 'rule');
  });

  it('refuses a date on or before the start, after the term, or a stake already ended', () => {
    spec.given([farmRegistered, fiscal]).when(transfer('2018-01-01')).thenRefused('STAKE.TRANSFER_NOT_AFTER_START');
    spec.given([farmRegistered, fiscal]).when(transfer('2021-01-01')).thenRefused('STAKE.TRANSFER_AFTER_TERM');
    const ended: EntityEvent = {
      type: 'StakeEnded',
      data: { stakeId, entityId, endsOn: '2018-06-30', reason: '赎回' },
    };
    spec.given([farmRegistered, fiscal, ended]).when(transfer()).thenRefused('STAKE.TRANSFER_OF_ENDED_STAKE');
  });

  it('refuses an unknown household, or the holder itself', () => {
    specTo(undefined).given([farmRegistered, fiscal]).when(transfer()).thenRefused('STAKE.TRANSFER_UNKNOWN_HOUSEHOLD');
    specTo({ householdId: zhang, township: '城关镇' })
      .given([farmRegistered, fiscal])
      .when(transfer('2019-01-01', admin, zhang))
      .thenRefused('STAKE.TRANSFER_TO_SAME_HOUSEHOLD');
  });

  it('answers 404 for an unknown stake', () => {
    spec.given([farmRegistered]).when(transfer()).thenRefused('STAKE.NOT_FOUND', 'not_found');
  });

  it('needs a clerk of both households’ townships, and refuses auditors', () => {
    specTo({ householdId: li, township: '温泉镇' })
      .given([farmRegistered, fiscal])
      .when(transfer())
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec
      .given([farmRegistered, fiscal])
      .when(transfer('2019-01-01', clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
    spec.given([farmRegistered, fiscal]).when(transfer('2019-01-01', auditor)).thenRefused('AUTH.READ_ONLY_ROLE');
  });
});
