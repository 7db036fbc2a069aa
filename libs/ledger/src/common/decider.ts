/**
 * An event as the domain sees it: a type and its data. Infrastructure adds ids, metadata, positions.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** A stream's state and the pure function that advances it by one event. */
export interface Evolver<State, Event extends DomainEvent> {
  initialState: State;
  evolve(state: State, event: Event): State;
}

/** Folds events into state: the one way any aggregate is rebuilt. */
export function fold<State, Event extends DomainEvent>(
  evolver: Evolver<State, Event>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => evolver.evolve(state, event), evolver.initialState);
}

/**
 * Everything a command carries besides its payload: who issues it, when, and the id that makes
 * retries idempotent (event ids are derived from it). Decide functions take these as plain data.
 */
export interface CommandContext {
  commandId: string;
  /** When the command was issued (ISO instant), from the handler's clock. */
  issuedAt: string;
}
