import { expect } from '@jest/globals';
import type { Decider } from '../decider';
import { DomainError, type DomainErrorCode, type DomainErrorDetails } from '../errors';

/**
 * Specs read as "given these events happened, when this command arrives, then these
 * events (or this error)". Imported by specs only: it pulls in jest's `expect`.
 */
export interface DeciderSpec<Command, Event, State> {
  given(events: Event[]): {
    when(command: Command): WhenResult<Event, State>;
  };
}

export interface WhenResult<Event, State> {
  /** Asserts the decided events equal `expected` (jest asymmetric matchers allowed). */
  then(expected: Event[]): void;
  /** Asserts decide threw a DomainError with `code` and, if given, details accepted by `check`. */
  thenThrows<C extends DomainErrorCode>(code: C, check?: (details: DomainErrorDetails[C]) => boolean): void;
  /** The decided events, for specs that assert on a property rather than the whole list. */
  events(): Event[];
  /** The state after the given events, before the command. */
  state(): State;
}

export function givenWhenThen<Command, Event, State>(decider: Decider<Command, Event, State>): DeciderSpec<Command, Event, State> {
  return {
    given(history) {
      return {
        when(command) {
          const build = (): State => history.reduce((state, event) => decider.evolve(state, event), decider.initialState());
          const decide = (): Event[] => decider.decide(command, build());
          return {
            then(expected) {
              expect(decide()).toEqual(expected);
            },
            thenThrows(code, check) {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              const error = thrown as DomainError;
              expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.any(String) });
              if (check) {
                // Printing the details on failure saves a debugger session.
                expect({ details: error.details, accepted: check(error.details as DomainErrorDetails[typeof code]) }).toEqual({
                  details: error.details,
                  accepted: true,
                });
              }
            },
            events: decide,
            state: build,
          };
        },
      };
    },
  };
}
