/** Answers that broke the OpenAPI description, as `METHOD url -> status: what`; filled by contractWatch.ts. */
export const contractProblems: string[] = [];

/** The problems seen so far, cleared. */
export function takeContractProblems(): string[] {
  return contractProblems.splice(0, contractProblems.length);
}
