import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { waitingRoomDecider, waitingRoomStream, type HotOnSaleSettings, type WaitingRoomCommand, type WaitingRoomEvent, type WaitingRoomPlace, type WaitingRoomState } from '@app/domain';
import type * as api from '@app/contracts';
import type { EventStore } from '@app/event-store';
import { AppError } from '../application/appError';
import { TokenService } from '../auth/tokenService';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens';
import { StreamWriter } from '../infrastructure/streamWriter';
import { HotOnSales } from './hotOnSales';
import { QueuePasses } from './queuePasses';

type WaitingRoomWriter = StreamWriter<WaitingRoomCommand, WaitingRoomEvent, WaitingRoomState>;

/**
 * The waiting rooms of hot shows: one stream per show, written through a StreamWriter so a
 * rush of joins goes to the store in batches (one append per batch, with its expected
 * revision; a conflict with another process re-decides the batch on the stream as it is).
 * The stream's order is the arrival order, so it holds across processes and restarts.
 */
@Injectable()
export class WaitingRooms {
  private readonly writers = new Map<string, WaitingRoomWriter>();
  private readonly addressKey: Buffer;
  /** Customers per address in one room; unbounded with RATE_LIMITS=off, like every other limit. */
  private readonly maxPlacesPerAddress: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hot: HotOnSales,
    private readonly passes: QueuePasses,
    tokens: TokenService,
  ) {
    this.addressKey = tokens.keyFor('address');
    this.maxPlacesPerAddress = config.rateLimits ? config.queuePlacesPerAddress : Number.MAX_SAFE_INTEGER;
  }

  /** `address`: where the join came from; the room keeps only a keyed hash of it, to cap places per address. */
  async join(showId: string, customerId: string, address: string): Promise<api.WaitingRoomPlace> {
    const settings = await this.hotSettings(showId);
    const now = Date.now();
    const writer = this.room(showId);
    const addressKey = createHmac('sha256', this.addressKey).update(address).digest('base64url').slice(0, 22);
    await writer.execute({ type: 'JoinWaitingRoom', data: { customerId, now, ...settings, addressKey, maxPlacesPerAddress: this.maxPlacesPerAddress } });
    const place = await writer.read((state) => state.places.get(customerId));
    return this.view(showId, customerId, place!, settings, Date.now());
  }

  /** The customer's place, fresh from the store (another process may have taken the join). */
  async place(showId: string, customerId: string): Promise<api.WaitingRoomPlace> {
    const settings = await this.hotSettings(showId);
    const writer = this.room(showId);
    const place = (await writer.read((state) => state.places.get(customerId))) ?? (await writer.read((state) => state.places.get(customerId), { fresh: true }));
    if (!place) throw new AppError('not_found', `You have not joined the waiting room of show ${showId}`, { showId });
    return this.view(showId, customerId, place, settings, Date.now());
  }

  /** An event of a room reached the log: one this process did not write makes the state stale. */
  seen(showId: string, revision: bigint): void {
    const writer = this.writers.get(showId);
    const joins = writer?.peek((state) => state.joins);
    if (writer && joins !== undefined && BigInt(joins) <= revision) writer.invalidate();
  }

  private async hotSettings(showId: string): Promise<HotOnSaleSettings> {
    const settings = await this.hot.settingsChecked(showId);
    if (!settings) throw new AppError('not_hot_onsale', `Show ${showId} is not a hot on-sale: it has no waiting room, hold seats directly`, { showId });
    return settings;
  }

  private room(showId: string): WaitingRoomWriter {
    let writer = this.writers.get(showId);
    if (!writer) {
      writer = new StreamWriter({ store: this.store, streamId: waitingRoomStream(showId), decider: waitingRoomDecider, metadata: { showId }, maxBatch: 2_000 });
      this.writers.set(showId, writer);
    }
    return writer;
  }

  private view(showId: string, customerId: string, place: WaitingRoomPlace, settings: HotOnSaleSettings, now: number): api.WaitingRoomPlace {
    const admitted = now >= place.admitAt;
    const expiresAt = place.admitAt + settings.passSeconds * 1000;
    return {
      showId,
      position: place.position + 1,
      joinedAt: new Date(place.joinedAt).toISOString(),
      admitAt: new Date(place.admitAt).toISOString(),
      status: admitted ? 'admitted' : 'waiting',
      waitSeconds: admitted ? 0 : Math.ceil((place.admitAt - now) / 1000),
      ...(admitted ? { pass: this.passes.issue(customerId, showId, place.position, place.admitAt, expiresAt), passExpiresAt: new Date(expiresAt).toISOString() } : {}),
    };
  }

  /** The configured defaults a show is marked with when the admin names none. */
  get defaults(): { admissionsPerMinute: number; passSeconds: number } {
    return { admissionsPerMinute: this.config.hotAdmissionsPerMinute, passSeconds: this.config.queuePassSeconds };
  }
}
