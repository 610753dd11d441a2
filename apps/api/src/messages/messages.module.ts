import { Module, type OnModuleInit } from '@nestjs/common';
import { ContactEmailsProjection, HolderMessagesProjection, OutboxProjection } from '@app/read-models';
import { CatalogModule } from '../catalog/catalog.module';
import { LiveModule } from '../live/live.module';
import { HolderMessageMailings } from '../outbox/holderMessageMailings';
import { OutboxWorker } from '../outbox/outboxWorker';
import { ProjectionsService } from '../projections/projections.service';
import { ReceiptsModule } from '../receipts/receipts.module';
import { PostHolderMessageHandler } from './commands/postHolderMessage.handler';
import { HolderMessagesController } from './holderMessages.controller';
import { HolderUpdatesHub } from './holderUpdatesHub';
import { ListMyMessagesHandler } from './queries/listMyMessages.handler';
import { ListShowMessagesHandler } from './queries/listShowMessages.handler';

/** Messages to ticket holders: posted by staff, shown and pushed to holders, and emailed through the outbox. */
@Module({
  imports: [CatalogModule, LiveModule, ReceiptsModule],
  controllers: [HolderMessagesController],
  providers: [PostHolderMessageHandler, ListShowMessagesHandler, ListMyMessagesHandler, HolderUpdatesHub, HolderMessageMailings, OutboxWorker],
})
export class MessagesModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly hub: HolderUpdatesHub,
  ) {}

  onModuleInit(): void {
    this.projections.register(new HolderMessagesProjection());
    this.projections.register(new ContactEmailsProjection());
    this.projections.register(new OutboxProjection());
    this.projections.onApplied((batch) => this.hub.onApplied(batch));
  }
}
