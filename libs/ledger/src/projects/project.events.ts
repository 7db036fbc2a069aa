import type { DomainEvent } from '../common/decider';
import type { Fen } from '../primitives/money';

/** The six industries a poverty-alleviation project (扶贫项目) can be in. */
export type ProjectIndustry = 'planting' | 'breeding' | 'processing' | 'tourism' | 'ecommerce' | 'pv';

export const PROJECT_INDUSTRIES: readonly ProjectIndustry[] = [
  'planting',
  'breeding',
  'processing',
  'tourism',
  'ecommerce',
  'pv',
];

/**
 * The assistance model (帮扶模式) a project follows: the household runs the business itself (直接帮扶),
 * joins a cooperative (合作帮扶), earns from assets or shares without working there (资产收益), is
 * employed by an enterprise nearby (社会帮扶), or is paid from a village company's project (项目带动).
 */
export type AssistanceModel = 'direct' | 'cooperative' | 'asset_income' | 'social' | 'project_driven';

export const ASSISTANCE_MODELS: readonly AssistanceModel[] = [
  'direct',
  'cooperative',
  'asset_income',
  'social',
  'project_driven',
];

/**
 * Where a project's money came from (资金来源): central, provincial, municipal or county fiscal special
 * funds (财政专项扶贫资金), social investment (社会投资), or poverty micro-credit (扶贫小额信贷).
 */
export type FundSource = 'central' | 'provincial' | 'municipal' | 'county' | 'social' | 'credit';

export const FUND_SOURCES: readonly FundSource[] = ['central', 'provincial', 'municipal', 'county', 'social', 'credit'];

/** A project entered in the ledger: the work public money is spent on, and the entity operating it. */
export type ProjectRegistered = DomainEvent<
  'ProjectRegistered',
  {
    projectId: string;
    name: string;
    industry: ProjectIndustry;
    /** County or district (县/区) the project is in. */
    county: string;
    /** The operating entity (经营主体) running the project, when there is one. */
    operatorId?: string;
    /** Its assistance model (帮扶模式), when recorded (projects registered before it was asked have none). */
    assistanceModel?: AssistanceModel;
  }
>;

/** Money received by a project from one fund source, under a document (批复文件 / 拨款凭证). */
export type ProjectFundsReceived = DomainEvent<
  'ProjectFundsReceived',
  {
    projectId: string;
    /** `<projectId>.f<n>`: the n-th receipt of the project. */
    fundId?: string;
    source: FundSource;
    amountFen: Fen;
    /** Reference of the document the money came under (allocation notice, voucher number). */
    documentRef: string;
    receivedOn: string;
  }
>;

/**
 * Project money handed to an operating entity (资金拨付): the first step of the money towards
 * households, and the ceiling for the fiscal-fund stakes (资金变股金) bought with it there.
 */
export type ProjectFundsDisbursed = DomainEvent<
  'ProjectFundsDisbursed',
  {
    projectId: string;
    /** `<projectId>.d<n>`: the n-th disbursement of the project. */
    disbursementId?: string;
    entityId: string;
    /** The entity's name when the money was disbursed, for statements and the fund flow. */
    entityName: string;
    amountFen: Fen;
    purpose: string;
    disbursedOn: string;
  }
>;

export type ProjectEvent = ProjectRegistered | ProjectFundsReceived | ProjectFundsDisbursed;
