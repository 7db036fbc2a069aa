import { DomainError } from '../../common/domain-error';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { initialEntityState } from '../../entities/entity.state';
import { cattleFarm, disbursed, entityId, projectId, received, registered } from '../project.fixtures';
import { project } from '../project.state';
import { DisburseProjectFundsCommand } from './disburse-project-funds.command';
import { decideDisburseProjectFunds } from './disburse-project-funds.decide';

const spec = specFor(project, (c: DisburseProjectFundsCommand, s) => decideDisburseProjectFunds(c, s, cattleFarm));
const toUnknown = specFor(project, (c: DisburseProjectFundsCommand, s) =>
  decideDisburseProjectFunds(c, s, initialEntityState),
);
const disburse = (amountFen: number) => ({
  projectId,
  entityId,
  amountFen,
  purpose: '购买基础母牛',
  disbursedOn: '2018-02-01',
});

describe('disburse project funds', () => {
  it('records a disbursement within the funds received, naming the entity', () => {
    spec
      .given([registered, received(1_000_000_00)])
      .when(new DisburseProjectFundsCommand(disburse(400_000_00), metadataFor(admin)))
      .then([disbursed(400_000_00)]);
  });

  it('allows disbursing exactly what is left', () => {
    spec
      .given([registered, received(1_000_00), disbursed(600_00)])
      .when(new DisburseProjectFundsCommand(disburse(400_00), metadataFor(admin)))
      .then([disbursed(400_00, 2)]);
  });

  it('refuses more than received minus already disbursed, naming the amounts', () => {
    const when = spec
      .given([registered, received(1_000_00), disbursed(600_00)])
      .when(new DisburseProjectFundsCommand(disburse(400_01), metadataFor(admin)));
    when.thenRefused('PROJECT.DISBURSEMENT_EXCEEDS_FUNDS', 'rule');
    try {
      when.thenEvents();
    } catch (error) {
      expect((error as DomainError).messageZh).toContain('仅剩 400.00 元');
      expect((error as DomainError).message).toContain('400.01');
    }
  });

  it('refuses a disbursement before any funds arrived', () => {
    spec
      .given([registered])
      .when(new DisburseProjectFundsCommand(disburse(1), metadataFor(admin)))
      .thenRefused('PROJECT.DISBURSEMENT_EXCEEDS_FUNDS', 'rule');
  });

  it('refuses an entity that is not registered', () => {
    toUnknown
      .given([registered, received(1_000_00)])
      .when(new DisburseProjectFundsCommand(disburse(100), metadataFor(admin)))
      .thenRefused('PROJECT.UNKNOWN_ENTITY', 'rule');
  });

  it('answers 404 for an unknown project', () => {
    spec
      .given([])
      .when(new DisburseProjectFundsCommand(disburse(100), metadataFor(admin)))
      .thenRefused('PROJECT.NOT_FOUND', 'not_found');
  });

  it('keeps totals per entity', () => {
    const other = 'entity-00000000-0000-5000-8000-000000000003';
    const state = [registered, received(1_000), disbursed(300), disbursed(200, 2), disbursed(100, 3, other)].reduce(
      project.evolve,
      project.initialState,
    );
    expect(state).toMatchObject({ disbursedFen: 600, disbursedByEntity: { [entityId]: 500, [other]: 100 } });
  });

  it('is for admins only', () => {
    spec
      .given([registered, received(1_000)])
      .when(new DisburseProjectFundsCommand(disburse(100), metadataFor(clerkOf('城关镇'))))
      .thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
    spec
      .given([registered, received(1_000)])
      .when(new DisburseProjectFundsCommand(disburse(100), metadataFor(auditor)))
      .thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
  });
});
