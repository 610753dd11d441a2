import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig } from '@app/config';
import { CliModule } from './cli.module';
import { CliError } from './infrastructure/eventLogSource';

/** Exit codes: 0 clean, 1 violations found (or a rebuild failed), 2 the command could not run. */
async function main(): Promise<void> {
  const config = loadConfig();
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error'],
    serviceErrorHandler: (error) => {
      throw error;
    },
  });
}

main().catch((error: unknown) => {
  const expected = error instanceof CliError || error instanceof ConfigError;
  process.stderr.write(`${expected ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
