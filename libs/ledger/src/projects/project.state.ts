import type { Evolver } from '../common/decider';
import type {
  FundSource,
  ProjectEvent,
  ProjectFundsDisbursed,
  ProjectFundsReceived,
  ProjectRegistered,
} from './project.events';
import type { Fen } from '../primitives/money';

/** One receipt of funds, as kept in the project's state. */
export type FundReceipt = Omit<ProjectFundsReceived['data'], 'projectId' | 'fundId'> & { fundId: string };

/** One disbursement to an entity, as kept in the project's state. */
export type Disbursement = Omit<ProjectFundsDisbursed['data'], 'projectId' | 'disbursementId'> & {
  disbursementId: string;
};

/**
 * A project and its money: what it received, by source, and what it passed on, to each entity.
 * What is still available to disburse is received minus disbursed.
 */
export type ProjectState =
  | { status: 'none' }
  | (ProjectRegistered['data'] & {
      status: 'registered';
      funds: FundReceipt[];
      fundsBySource: Partial<Record<FundSource, number>>;
      receivedFen: Fen;
      disbursements: Disbursement[];
      disbursedFen: Fen;
      /** Total disbursed to each entity, by entity id. */
      disbursedByEntity: Record<string, number>;
    });

export const initialProjectState: ProjectState = { status: 'none' };

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered':
      return {
        ...event.data,
        status: 'registered',
        funds: [],
        fundsBySource: {},
        receivedFen: 0,
        disbursements: [],
        disbursedFen: 0,
        disbursedByEntity: {},
      };
    case 'ProjectFundsReceived': {
      if (state.status !== 'registered') return state;
      const { projectId: _project, fundId, ...receipt } = event.data;
      return {
        ...state,
        funds: [...state.funds, { ...receipt, fundId: fundId ?? fundIdFor(state.projectId, state.funds.length + 1) }],
        fundsBySource: {
          ...state.fundsBySource,
          [receipt.source]: (state.fundsBySource[receipt.source] ?? 0) + receipt.amountFen,
        },
        receivedFen: state.receivedFen + receipt.amountFen,
      };
    }
    case 'ProjectFundsDisbursed': {
      if (state.status !== 'registered') return state;
      const { projectId: _project, disbursementId, ...disbursement } = event.data;
      return {
        ...state,
        disbursements: [
          ...state.disbursements,
          {
            ...disbursement,
            disbursementId: disbursementId ?? disbursementIdFor(state.projectId, state.disbursements.length + 1),
          },
        ],
        disbursedFen: state.disbursedFen + disbursement.amountFen,
        disbursedByEntity: {
          ...state.disbursedByEntity,
          [disbursement.entityId]: (state.disbursedByEntity[disbursement.entityId] ?? 0) + disbursement.amountFen,
        },
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const project: Evolver<ProjectState, ProjectEvent> = {
  initialState: initialProjectState,
  evolve: evolveProject,
};

/** The id of a project's n-th receipt of funds (1-based). */
export const fundIdFor = (projectId: string, n: number): string => `${projectId}.f${n}`;

/** The id of a project's n-th disbursement (1-based). */
export const disbursementIdFor = (projectId: string, n: number): string => `${projectId}.d${n}`;

/** What the project has received and not yet disbursed. */
export const availableFen = (state: ProjectState): number =>
  state.status === 'registered' ? state.receivedFen - state.disbursedFen : 0;

/** What the project has disbursed to one entity: the ceiling of the fiscal-fund stakes bought there with its money. */
export const disbursedTo = (state: ProjectState, entityId: string): number =>
  state.status === 'registered' ? (state.disbursedByEntity[entityId] ?? 0) : 0;
