import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { initialEntityState } from '../../entities/entity.state';
import { cattleFarm, entityId, projectId, registered } from '../project.fixtures';
import { project } from '../project.state';
import { RegisterProjectCommand } from './register-project.command';
import { decideRegisterProject } from './register-project.decide';

const payload = { projectId, name: '肉牛养殖扶贫项目', industry: 'breeding' as const, county: '英山县' };
const withOperator = specFor(project, (c: RegisterProjectCommand, s) => decideRegisterProject(c, s, cattleFarm));
const withUnknownOperator = specFor(project, (c: RegisterProjectCommand, s) =>
  decideRegisterProject(c, s, initialEntityState),
);
const spec = specFor(project, (c: RegisterProjectCommand, s) => decideRegisterProject(c, s, undefined));

describe('register a project', () => {
  it('records a project without an operator', () => {
    spec
      .given([])
      .when(new RegisterProjectCommand(payload, metadataFor(admin)))
      .then([{ type: 'ProjectRegistered', data: payload }]);
  });

  it('records a project operated by a registered entity', () => {
    withOperator
      .given([])
      .when(new RegisterProjectCommand({ ...payload, operatorId: entityId }, metadataFor(admin)))
      .then([{ type: 'ProjectRegistered', data: { ...payload, operatorId: entityId } }]);
  });

  it('refuses an operator that is not a registered entity', () => {
    withUnknownOperator
      .given([])
      .when(new RegisterProjectCommand({ ...payload, operatorId: entityId }, metadataFor(admin)))
      .thenRefused('PROJECT.UNKNOWN_OPERATOR', 'rule');
  });

  it('refuses a second registration of the same id as a conflict', () => {
    spec
      .given([registered])
      .when(new RegisterProjectCommand(payload, metadataFor(admin)))
      .thenRefused('PROJECT.ALREADY_REGISTERED', 'conflict');
  });

  it('is for admins only', () => {
    spec
      .given([])
      .when(new RegisterProjectCommand(payload, metadataFor(clerkOf('城关镇'))))
      .thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
    spec
      .given([])
      .when(new RegisterProjectCommand(payload, metadataFor(auditor)))
      .thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
  });
});
