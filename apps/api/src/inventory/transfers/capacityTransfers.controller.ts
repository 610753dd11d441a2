import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import * as api from '@app/contracts';
import { AdminGuard } from '../../auth/guards';
import { Endpoint } from '../../http/endpoint';
import { pathId } from '../../http/pathId';
import { TransferCapacityCommand } from '../commands/transferCapacity.command';
import { CapacityTransferRequestDto } from '../dto/capacityTransferRequest.dto';
import { ListCapacityTransfersQuery } from '../queries/listCapacityTransfers.query';

/** Operators move unsold capacity between shard groups (the rebalancer does it by itself too). */
@Controller('v1/admin/shows/:showId/capacity-transfers')
@UseGuards(AdminGuard)
export class CapacityTransfersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Move never-held tickets from one shard group to another (escrow; in transit while the target is unreachable)',
    caller: 'admin',
    status: 201,
    body: api.CapacityTransferRequest,
    answer: api.CapacityTransfer,
    errors: [400, 404, 409, 503],
  })
  @HttpCode(201)
  transfer(@Param('showId') showId: string, @Body() body: CapacityTransferRequestDto): Promise<api.CapacityTransfer> {
    return this.commands.execute(new TransferCapacityCommand(pathId(showId, 'showId'), body));
  }

  @Get()
  @Endpoint({ summary: "A show's capacity transfers as this region has seen them, and each shard's capacity after them", caller: 'admin', answer: api.CapacityTransfers, errors: [400, 404] })
  list(@Param('showId') showId: string): Promise<api.CapacityTransfers> {
    return this.queries.execute(new ListCapacityTransfersQuery(pathId(showId, 'showId')));
  }
}
