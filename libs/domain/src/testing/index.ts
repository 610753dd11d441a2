export { givenWhenThen } from './givenWhenThen';
export type { DeciderSpec, WhenResult } from './givenWhenThen';
export type { Decider } from '../decider';
