import { DomainError, type RefusalCode } from '../domain-error';
import type { DomainEvent, Evolver } from '../decider';

/**
 * Given/when/then for pure deciders: given past events, when a command is decided, then these
 * events (or this refusal code). Runs in microseconds, no framework involved.
 */
export function specFor<State, Event extends DomainEvent, Command>(
  evolver: Evolver<State, Event>,
  decide: (command: Command, state: State) => Event[],
) {
  return {
    given(past: readonly Event[]) {
      const state = past.reduce((s, e) => evolver.evolve(s, e), evolver.initialState);
      return {
        when(command: Command) {
          const run = () => decide(command, state);
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenEvents(): Event[] {
              return run();
            },
            thenRefused(code: RefusalCode, kind?: DomainError['kind']): void {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
              if (kind) expect((caught as DomainError).kind).toBe(kind);
            },
          };
        },
      };
    },
  };
}
