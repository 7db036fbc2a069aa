import { newStreamId } from '../../common/ids';
import { entity } from '../../entities/entity.state';
import type { EntityKind } from '../../entities/entity.events';
import { RegisterEntityCommand } from '../../entities/register-entity/register-entity.command';
import { decideRegisterEntity } from '../../entities/register-entity/register-entity.decide';
import { RegisterEntityRequest } from '../../entities/register-entity/register-entity.dto';
import { cellText, isBlank, parseTextCell, parseWordCell } from '../roster/cells';
import { checkAsRequest, FieldCollector, rowPlan, type RowKind } from './row-plan';

export interface EntityFields {
  name: string;
  kind: EntityKind;
  creditCode?: string;
  township: string;
  county: string;
}

const KIND_WORDS: Record<string, EntityKind> = {
  企业: 'company',
  公司: 'company',
  龙头企业: 'company',
  合作社: 'cooperative',
  专业合作社: 'cooperative',
  农民专业合作社: 'cooperative',
  村集体: 'village_collective',
  村集体经济组织: 'village_collective',
  扶贫基地: 'base',
  基地: 'base',
  卫星工厂: 'satellite_factory',
  扶贫车间: 'satellite_factory',
  光伏电站: 'pv_station',
  光伏: 'pv_station',
  company: 'company',
  cooperative: 'cooperative',
  village_collective: 'village_collective',
  base: 'base',
  satellite_factory: 'satellite_factory',
  pv_station: 'pv_station',
};

/**
 * 经营主体名册: one operating entity per row, registered (RegisterEntityCommand). Its id derives
 * from the row's command id, so a re-run or a resume registers it once.
 */
export const entityRows: RowKind<EntityFields> = {
  kind: 'entities',

  fields(record, checked) {
    const c = new FieldCollector();
    const name = c.take('name', parseTextCell(record.get('name'), 100));
    const kind = c.take(
      'kind',
      parseWordCell(record.get('kind'), KIND_WORDS, {
        en: 'company (企业), cooperative (合作社), village_collective (村集体), base (扶贫基地), satellite_factory (卫星工厂) or pv_station (光伏电站)',
        zh: '“企业”“合作社”“村集体”“扶贫基地”“卫星工厂”或“光伏电站”',
      }),
    );
    const creditCode = isBlank(record.get('creditCode')) ? undefined : cellText(record.get('creditCode')).toUpperCase();
    const township = c.take('township', parseTextCell(record.get('township'), 50));
    const county = c.take('county', parseTextCell(record.get('county'), 50));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: EntityFields = {
      name: name!,
      kind: kind!,
      ...(creditCode === undefined ? {} : { creditCode }),
      township: township!,
      county: county!,
    };
    if (checked) return { fields, problems: [] };
    const problems = checkAsRequest(RegisterEntityRequest, { ...fields }, { creditCode: 'creditCode' });
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  plan(fields, context) {
    const command = new RegisterEntityCommand(
      { entityId: newStreamId('entity', context.metadata), ...fields },
      context.metadata,
    );
    return Promise.resolve(
      rowPlan({
        streamId: command.payload.entityId,
        evolver: entity,
        command,
        decide: (state) => decideRegisterEntity(command, state),
        // As the handler: the township the entity is registered in.
        township: () => command.payload.township,
        resultId: () => command.payload.entityId,
        columns: { fields: {}, forbidden: 'township', otherwise: 'name' },
      }),
    );
  },
};
