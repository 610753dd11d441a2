import { takeContractProblems } from './contractProblems';

// Registered for every suite (jest setupFilesAfterEnv): an answer that broke the OpenAPI
// description fails the suite that received it.
afterAll(() => {
  const problems = takeContractProblems();
  if (problems.length > 0) {
    const distinct = [...new Set(problems)];
    throw new Error(`${problems.length} answers broke the OpenAPI description:\n${distinct.slice(0, 40).join('\n')}`);
  }
});
