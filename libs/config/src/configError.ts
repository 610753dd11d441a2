/** A setting that cannot be used; its message names the setting and what is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
