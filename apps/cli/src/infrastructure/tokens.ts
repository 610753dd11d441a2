/** Injection token for the configuration, read once by `main.ts` with the API's `loadConfig()`. */
export const CLI_CONFIG = Symbol('CLI_CONFIG');
