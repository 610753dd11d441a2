import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AccountsController } from './accounts.controller';

/** Organisations, staff users and their tokens (StaffDirectory itself is global: every guard needs it). */
@Module({ imports: [CatalogModule], controllers: [AccountsController] })
export class AccountsModule {}
