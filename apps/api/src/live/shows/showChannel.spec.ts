import { LiveLimits } from '../liveLimits';
import type { SseConnection } from '../sse/sseConnection';
import { ShowChannel } from './showChannel';
import { ShowSubscriber } from './showSubscriber';

describe('ShowChannel availability', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function channelWith(reads: { count: number }) {
    const sent: string[] = [];
    const connection = { send: (text: string) => sent.push(text) } as unknown as SseConnection;
    const channel = new ShowChannel(
      'show-1',
      async () => ({ held: ++reads.count }),
      Object.assign(new LiveLimits(), { availabilityIntervalMs: 250 }),
    );
    channel.subscribers.add(new ShowSubscriber(connection, 42n, false, 10));
    return { channel, sent };
  }

  it('reads and pushes the counts at most once per interval, coalescing every change in between', async () => {
    const reads = { count: 0 };
    const { channel, sent } = channelWith(reads);
    channel.availabilityChanged();
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['id: 42\nevent: availability\ndata: {"held":1}\n\n']);
    for (let i = 0; i < 100; i++) {
      channel.availabilityChanged();
      await jest.advanceTimersByTimeAsync(2);
    }
    // 200 ms of changes since the push: nothing yet, then one read for all of them.
    expect(reads.count).toBe(1);
    await jest.advanceTimersByTimeAsync(50);
    expect(reads.count).toBe(2);
    expect(sent).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(reads.count).toBe(2);
  });

  it('stops when the channel closes', async () => {
    const reads = { count: 0 };
    const { channel } = channelWith(reads);
    channel.close();
    channel.availabilityChanged();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(reads.count).toBe(0);
  });
});
