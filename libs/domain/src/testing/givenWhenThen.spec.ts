import type { Decider } from '../decider';
import { DomainError } from '../errors';
import { givenWhenThen } from './givenWhenThen';

// A counter that may not pass 3: the smallest decider that can both decide and refuse.
type Added = { type: 'Added'; data: { by: number } };
type Add = { type: 'Add'; data: { by: number } };
const counter: Decider<Add, Added, number> = {
  decide: (command, total) => {
    if (total + command.data.by > 3) throw new DomainError('limit_exceeded', 'Too many', { limit: 3, current: total, requested: command.data.by });
    return [{ type: 'Added', data: { by: command.data.by } }];
  },
  evolve: (total, event) => total + event.data.by,
  initialState: () => 0,
};
const spec = givenWhenThen(counter);
const add = (by: number): Add => ({ type: 'Add', data: { by } });
const added = (by: number): Added => ({ type: 'Added', data: { by } });

describe('givenWhenThen', () => {
  it('passes when the decided events match', () => {
    spec.given([added(1)]).when(add(2)).then([added(2)]);
  });

  it('fails when they do not', () => {
    expect(() => spec.given([added(1)]).when(add(2)).then([added(1)])).toThrow();
  });

  it('checks the error code and, optionally, its details', () => {
    spec.given([added(2)]).when(add(2)).thenThrows('limit_exceeded');
    spec.given([added(2)]).when(add(2)).thenThrows('limit_exceeded', (details) => details.current === 2);
    expect(() => spec.given([added(2)]).when(add(2)).thenThrows('hold_expired')).toThrow();
    expect(() => spec.given([added(2)]).when(add(2)).thenThrows('limit_exceeded', (details) => details.current === 1)).toThrow();
  });

  it('fails thenThrows when nothing was thrown, or something other than a DomainError', () => {
    expect(() => spec.given([]).when(add(1)).thenThrows('limit_exceeded')).toThrow();
    const broken = givenWhenThen<Add, Added, number>({ ...counter, decide: () => { throw new TypeError('bug'); } });
    expect(() => broken.given([]).when(add(1)).thenThrows('limit_exceeded')).toThrow();
  });

  it('exposes the decided events and the given state', () => {
    const when = spec.given([added(1), added(1)]).when(add(1));
    expect(when.events()).toEqual([added(1)]);
    expect(when.state()).toBe(2);
  });
});
