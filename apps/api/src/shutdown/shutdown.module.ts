import { Global, Module } from '@nestjs/common';
import { RequestDrain } from './requestDrain';

@Global()
@Module({ providers: [RequestDrain], exports: [RequestDrain] })
export class ShutdownModule {}
