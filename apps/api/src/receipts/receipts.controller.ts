import { Controller, Get, Param } from '@nestjs/common';
import * as api from '@app/contracts';
import { AppError } from '../application/appError';
import { Endpoint } from '../http/endpoint';
import { ProjectionsService } from '../projections/projections.service';
import { ReceiptLinks } from './receiptLinks';
import { Receipts } from './receipts';

@Controller('v1/receipts')
export class ReceiptsController {
  constructor(
    private readonly links: ReceiptLinks,
    private readonly receipts: Receipts,
    private readonly projections: ProjectionsService,
  ) {}

  /** The order a receipt's link opens, for whoever holds the link: the link is the proof, not a login. */
  @Get(':token')
  @Endpoint({
    summary: "An order's tickets, by the signed token of its receipt link",
    description: 'The token is the last part of the link in the receipt email (`/receipts/<token>`). A token that is not one (wrong shape) is 400 naming `token`; one whose signature does not hold (forged or altered) is 403 receipt_link_invalid.',
    caller: 'anyone',
    answer: api.Receipt,
    errors: [400, 403, 404],
  })
  async receipt(@Param('token') token: string): Promise<api.Receipt> {
    if (!api.ReceiptToken.safeParse(token).success) {
      throw new AppError('invalid_request', 'token is not a receipt link token (R1.<claims>.<signature>): copy the whole link from the email', { field: 'token' });
    }
    const claims = this.links.open(token);
    if (!claims) throw new AppError('receipt_link_invalid', 'This receipt link is not valid: it was changed or is not one of ours. Open the link exactly as the email has it.', { field: 'token' });
    // The receipt went out after the sale was in the read model; another process may be a moment behind.
    await this.projections.catchUp();
    const receipt = this.receipts.view(claims);
    if (!receipt) throw new AppError('not_found', `Order ${claims.orderId} not found`);
    return receipt;
  }
}
