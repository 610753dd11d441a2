import { parseStamp, compareStamps } from '@app/domain';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow } from './inventoryFixtures';

describe('arrival stamps on holds (Arrival-Stamp)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ expiryWorker: false });
  });
  afterAll(() => t.close());

  it('stamps every hold request on arrival, in order, and says the stamp back with any answer', async () => {
    const showId = await createGeneralShow(t, 2, 1, { maxTicketsPerCustomer: 2 });
    const stamps = [];
    for (const quantity of [1, 1, 1]) {
      const answer = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', (await t.customer()).auth).send({ quantity });
      const stamp = parseStamp(String(answer.headers['arrival-stamp']));
      expect(stamp).toBeDefined();
      stamps.push({ status: answer.status, stamp: stamp! });
    }
    // Two tickets: the third request is refused, and still carries its stamp.
    expect(stamps.map((s) => s.status)).toEqual([201, 201, 409]);
    expect(compareStamps(stamps[0].stamp, stamps[1].stamp)).toBeLessThan(0);
    expect(compareStamps(stamps[1].stamp, stamps[2].stamp)).toBeLessThan(0);
  });
});
