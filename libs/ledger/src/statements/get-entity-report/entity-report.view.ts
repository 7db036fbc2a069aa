import type { Fen } from '../../primitives/money';
/** The linkage forms an entity ties households with, as the report counts them. */
export const REPORT_FORMS = ['equity', 'lease', 'labour', 'order', 'collective'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

export type ByForm = Record<ReportForm, number>;

/** `GET /v1/entities/{id}/report?year=`: how many households the entity lifts (带贫户数) and what it paid them. */
export interface EntityReportView {
  entity: { id: string; name: string; kind: string; township: string; county: string };
  year: number;
  /** Households linked to the entity on any day of the year, or paid by it that year: once in `total`, once per form. */
  households: { total: number; byForm: ByForm };
  /** Employments active on any day of the year. */
  workers: number;
  /** Paid to households with `paidOn` in the year, neither reversed nor returned. */
  paidFen: { total: Fen; byForm: ByForm };
  /** Outstanding now on the entity's items due by the year's last day. */
  outstandingFen: Fen;
}
