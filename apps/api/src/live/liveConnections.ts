import { Injectable } from '@nestjs/common';
import { AppError } from '../application/appError';
import { LiveLimits } from './liveLimits';

/** Who opens a stream: the address it comes from, and the customer when its token says so. */
export interface LiveClient {
  address: string;
  customerId?: string;
}

/** Open event streams in this process, shows and waiting-line entries together, also counted per address and per customer. */
@Injectable()
export class LiveConnections {
  private open = 0;
  private closing = false;
  private readonly byAddress = new Map<string, number>();
  private readonly byCustomer = new Map<string, number>();

  constructor(private readonly limits: LiveLimits) {}

  get count(): number {
    return this.open;
  }

  /** Open streams of one address or customer. */
  countOf(client: LiveClient): { address: number; customer: number } {
    return { address: this.byAddress.get(client.address) ?? 0, customer: client.customerId ? (this.byCustomer.get(client.customerId) ?? 0) : 0 };
  }

  /** Refuses a client at its own cap (429 with Retry-After), before anything else is done for it. */
  refuseIfClientFull(client: LiveClient): void {
    const { address, customer } = this.countOf(client);
    if (address >= this.limits.maxConnectionsPerAddress) {
      throw new AppError('too_many_client_listeners', `This address already has ${address} live update streams open; close one or retry later`, { scope: 'address', limit: this.limits.maxConnectionsPerAddress }, 10);
    }
    if (client.customerId && customer >= this.limits.maxConnectionsPerCustomer) {
      throw new AppError('too_many_client_listeners', `This customer already has ${customer} live update streams open; close one or retry later`, { scope: 'customer', limit: this.limits.maxConnectionsPerCustomer }, 10);
    }
  }

  /** Takes a slot or refuses (the client's cap, too many listeners, or shutting down); the caller gives it back when its stream closes. */
  take(client: LiveClient): () => void {
    if (this.closing) throw new AppError('shutting_down', 'The server is shutting down: reconnect in a moment', undefined, 2);
    this.refuseIfClientFull(client);
    if (this.open >= this.limits.maxConnections) {
      throw new AppError('too_many_listeners', 'This server has as many live update streams open as it takes: retry later', undefined, 10);
    }
    this.open++;
    bump(this.byAddress, client.address, 1);
    if (client.customerId) bump(this.byCustomer, client.customerId, 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.open--;
      bump(this.byAddress, client.address, -1);
      if (client.customerId) bump(this.byCustomer, client.customerId, -1);
    };
  }

  shutDown(): void {
    this.closing = true;
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
