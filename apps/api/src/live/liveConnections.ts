import { Injectable } from '@nestjs/common';
import { AppError } from '../application/appError';
import { LiveLimits } from './liveLimits';

/** Open event streams in this process, shows and waiting-line entries together. */
@Injectable()
export class LiveConnections {
  private open = 0;
  private closing = false;

  constructor(private readonly limits: LiveLimits) {}

  get count(): number {
    return this.open;
  }

  /** Takes a slot or refuses (too many listeners, or shutting down); the caller gives it back when its stream closes. */
  take(): () => void {
    if (this.closing) throw new AppError('shutting_down', 'The server is shutting down: reconnect in a moment', undefined, 2);
    if (this.open >= this.limits.maxConnections) {
      throw new AppError('too_many_listeners', 'This server has as many live update streams open as it takes: retry later', undefined, 10);
    }
    this.open++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.open--;
    };
  }

  shutDown(): void {
    this.closing = true;
  }
}
