import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { AuditCommand } from './audit/audit.command';
import { AuditExportCommand } from './audit/auditExport.command';
import { AuditVerifyCommand } from './audit/auditVerify.command';
import { EventLogSource } from './infrastructure/eventLogSource';
import { CLI_CONFIG } from './infrastructure/tokens';
import { ProjectionsCommand } from './projections/projections.command';
import { ProjectionsRebuildCommand } from './projections/projectionsRebuild.command';
import { ProjectionsStatusCommand } from './projections/projectionsStatus.command';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      providers: [
        { provide: CLI_CONFIG, useValue: config },
        EventLogSource,
        AuditCommand,
        AuditVerifyCommand,
        AuditExportCommand,
        ProjectionsCommand,
        ProjectionsRebuildCommand,
        ProjectionsStatusCommand,
      ],
    };
  }
}
