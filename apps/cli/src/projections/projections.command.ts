import { Command, CommandRunner } from 'nest-commander';
import { ProjectionsRebuildCommand } from './projectionsRebuild.command';
import { ProjectionsStatusCommand } from './projectionsStatus.command';

@Command({ name: 'projections', description: "the running API's read models", subCommands: [ProjectionsRebuildCommand, ProjectionsStatusCommand] })
export class ProjectionsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.outputHelp();
  }
}
