import type { AssistanceModel, FundSource, ProjectIndustry } from '../project.events';
import type { Disbursement, FundReceipt } from '../project.state';
import type { Fen } from '../../primitives/money';

/** A project as the API shows it: its money in, by source, and out, to each entity. */
export interface ProjectView {
  id: string;
  name: string;
  industry: ProjectIndustry;
  county: string;
  operatorId?: string;
  assistanceModel?: AssistanceModel;
  funds: FundReceipt[];
  fundsBySource: { source: FundSource; amountFen: Fen }[];
  disbursements: Disbursement[];
  disbursedByEntity: { entityId: string; entityName: string; amountFen: Fen }[];
  totals: { receivedFen: Fen; disbursedFen: Fen; availableFen: Fen };
  /** Ledger position the view was read at. */
  position: number;
}
