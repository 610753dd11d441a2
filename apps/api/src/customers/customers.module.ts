import { Module } from '@nestjs/common';
import { OnSaleModule } from '../onsale/onsale.module';
import { CustomersController } from './customers.controller';

@Module({ imports: [OnSaleModule], controllers: [CustomersController] })
export class CustomersModule {}
