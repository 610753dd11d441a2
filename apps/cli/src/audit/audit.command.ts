import { Command, CommandRunner } from 'nest-commander';
import { AuditExportCommand } from './auditExport.command';
import { AuditVerifyCommand } from './auditVerify.command';

@Command({ name: 'audit', description: 'check and export the sold-ticket log, read straight from the event store', subCommands: [AuditVerifyCommand, AuditExportCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.outputHelp();
  }
}
