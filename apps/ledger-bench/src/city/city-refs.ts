import type { CityOp } from './city-plan';

/** What a write answered, as far as later operations need it. */
export interface WriteAnswer {
  id: string;
  /** The synthetic city's stakes are all households'; a collective's allocation names `collectiveId`. */
  allocations?: ({ amountFen: number } & ({ householdId: string } | { collectiveId: string }))[];
  dues?: { period: string; amountFen: number }[];
}

/** A write ready to send: the HTTP route and body of the contract. */
export interface CityRequest {
  path: string;
  body: Record<string, unknown>;
}

/**
 * Ids the ledger chose for the plan's records, and what later payments need of earlier answers (the
 * allocations of a declaration, the dues of a lease).
 */
export class CityRefs {
  private readonly ids = new Map<string, string>();
  private readonly allocated = new Map<string, Map<string, number>>();
  private readonly dues = new Map<string, Map<string, number>>();

  id(key: string): string {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`no id yet for ${key}: its phase has not been loaded`);
    return id;
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /** Remembers what a write answered. */
  record(op: CityOp, answer: WriteAnswer): void {
    if (op.op === 'household' || op.op === 'entity' || op.op === 'project') this.ids.set(op.key, answer.id);
    if (op.op === 'employment' || op.op === 'order' || op.op === 'lease' || op.op === 'declare') {
      this.ids.set(op.key, answer.id);
    }
    if (op.op === 'declare') {
      const byHousehold = new Map<string, number>();
      for (const a of answer.allocations ?? []) {
        if (!('householdId' in a)) continue;
        byHousehold.set(a.householdId, (byHousehold.get(a.householdId) ?? 0) + a.amountFen);
      }
      this.allocated.set(op.key, byHousehold);
    }
    if (op.op === 'lease') this.dues.set(op.key, new Map((answer.dues ?? []).map((d) => [d.period, d.amountFen])));
  }

  /** Forgets what only a finished lane needed (a declaration's allocations, a lease's dues). */
  release(key: string): void {
    this.allocated.delete(key);
    this.dues.delete(key);
  }

  /** The request for an operation, or undefined when there is nothing to pay (no allocation, no due). */
  request(op: CityOp): CityRequest | undefined {
    switch (op.op) {
      case 'household':
        return { path: '/v1/households', body: op.body };
      case 'entity':
        return { path: '/v1/entities', body: op.body };
      case 'project':
        return { path: '/v1/projects', body: { ...op.body, operatorId: this.id(op.operator) } };
      case 'funds':
        return { path: `/v1/projects/${this.id(op.project)}/funds`, body: op.body };
      case 'disburse':
        return {
          path: `/v1/projects/${this.id(op.project)}/disbursements`,
          body: { ...op.body, entityId: this.id(op.entity) },
        };
      case 'stake':
        return {
          path: '/v1/stakes',
          body: {
            ...op.body,
            entityId: this.id(op.entity),
            householdId: this.id(op.household),
            ...(op.project === undefined ? {} : { projectId: this.id(op.project) }),
          },
        };
      case 'declare':
        return { path: `/v1/entities/${this.id(op.entity)}/dividends`, body: op.body };
      case 'payDividend': {
        const householdId = this.id(op.household);
        const amountFen = this.allocated.get(op.declaration)?.get(householdId) ?? 0;
        if (amountFen <= 0) return undefined;
        return {
          path: `/v1/dividends/${this.id(op.declaration)}/payments`,
          body: { householdId, amountFen, ...op.body },
        };
      }
      case 'lease':
        return {
          path: '/v1/leases',
          body: { ...op.body, entityId: this.id(op.entity), householdId: this.id(op.household) },
        };
      case 'payRent': {
        const amountFen = this.dues.get(op.lease)?.get(op.body.period) ?? 0;
        if (amountFen <= 0) return undefined;
        return { path: `/v1/leases/${this.id(op.lease)}/payments`, body: { ...op.body, amountFen } };
      }
      case 'employment':
        return {
          path: '/v1/employments',
          body: { ...op.body, entityId: this.id(op.entity), householdId: this.id(op.household) },
        };
      case 'payWage':
        return { path: `/v1/employments/${this.id(op.employment)}/payments`, body: op.body };
      case 'endEmployment':
        return { path: `/v1/employments/${this.id(op.employment)}/end`, body: op.body };
      case 'order':
        return {
          path: '/v1/orders',
          body: { ...op.body, entityId: this.id(op.entity), householdId: this.id(op.household) },
        };
      case 'payPurchase':
        return { path: `/v1/orders/${this.id(op.order)}/payments`, body: op.body };
      default: {
        const unknown: never = op;
        return unknown;
      }
    }
  }
}
