/* Acknowledgements and grievances as the API answers them. Types only: the console compiles against this file. */
import type { AcknowledgementMethod } from './acknowledgement.events';
import type { Fen } from '../primitives/money';

export type { AcknowledgementMethod } from './acknowledgement.events';

/** The statement's `acknowledgement`: the one recorded last. */
export interface AcknowledgementView {
  id: string;
  through: string;
  totalFen: Fen;
  method: AcknowledgementMethod;
  acknowledgedOn: string;
  disputed: boolean;
  comment?: string;
}

/** A disputed acknowledgement: a grievance (申诉) answered like an objection. */
export interface GrievanceView extends AcknowledgementView {
  status: 'open' | 'upheld' | 'rejected';
  response?: string;
  resolvedOn?: string;
}

/** A household's grievances, as `GET /v1/households/{id}/grievances` answers them. */
export interface GrievanceList {
  items: GrievanceView[];
}
