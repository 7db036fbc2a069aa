import { REPORT_FORMS, type ByForm, type EntityReportView, type ReportForm } from './entity-report.view';

/** A linkage of the entity active on some day of the year, by its kind as holdings keep it. */
export interface LinkedInYear {
  householdId: string;
  kind: 'stake' | 'lease' | 'employment' | 'order';
}

/** A payment by the entity to a household in the year, not reversed or returned. */
export interface PaidInYear {
  householdId: string;
  form: string;
  amountFen: number;
}

const FORM_OF_LINKAGE: Record<LinkedInYear['kind'], ReportForm> = {
  stake: 'equity',
  lease: 'lease',
  employment: 'labour',
  order: 'order',
};

const isReportForm = (form: string): form is ReportForm => (REPORT_FORMS as readonly string[]).includes(form);
const zero = (): ByForm => ({ equity: 0, lease: 0, labour: 0, order: 0, collective: 0 });

/**
 * The report's figures: a household counts once in the total and once in each form by which it was
 * linked to the entity (a linkage active on any day of the year) or paid by it that year; `workers`
 * counts the employments active in the year (a household may send two workers). Payments of other
 * forms (a loan's interest subsidy, paid by the county) are not the entity's and are left out.
 */
export function entityReportFigures(
  linked: readonly LinkedInYear[],
  paid: readonly PaidInYear[],
): Pick<EntityReportView, 'households' | 'workers' | 'paidFen'> {
  const all = new Set<string>();
  const byForm = new Map<ReportForm, Set<string>>(REPORT_FORMS.map((f) => [f, new Set<string>()]));
  const count = (householdId: string, form: ReportForm) => {
    all.add(householdId);
    byForm.get(form)?.add(householdId);
  };
  for (const l of linked) count(l.householdId, FORM_OF_LINKAGE[l.kind]);
  const paidFen = zero();
  for (const p of paid) {
    if (!isReportForm(p.form)) continue;
    count(p.householdId, p.form);
    paidFen[p.form] += p.amountFen;
  }
  const households = zero();
  for (const form of REPORT_FORMS) households[form] = byForm.get(form)?.size ?? 0;
  return {
    households: { total: all.size, byForm: households },
    workers: linked.filter((l) => l.kind === 'employment').length,
    paidFen: { total: REPORT_FORMS.reduce((sum, f) => sum + paidFen[f], 0), byForm: paidFen },
  };
}
