/**
 * The Emmett decider shape: all business logic of one stream is these three pure-ish
 * functions, so a command handler is "load, decide, append with expected revision, evolve".
 */
export interface Decider<Command, Event, State> {
  /** Returns the events the command causes, or throws a DomainError; never mutates `state`. */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}
