import { Module } from '@nestjs/common';
import { WebPagesController } from './webPages.controller';

/** Serves the customer, admin and auditor pages; imported last so every API route is matched first. */
@Module({
  controllers: [WebPagesController],
})
export class WebModule {}
