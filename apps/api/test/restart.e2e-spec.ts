import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from './testApp';
import { createSeatedShow, eventually } from './inventoryFixtures';

describe('restart', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-restart-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps acknowledged holds and sales, and still expires holds made before the restart', async () => {
    const first = await createTestApp({ dataDir });
    const showId = await createSeatedShow(first, { holdSeconds: 2 });
    const c = await first.customer();
    const sold = await first.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ seatIds: ['A-1-1'] }).expect(201);
    const order = await first.http.post(`/v1/holds/${sold.body.holdId}/purchase`).set('Authorization', c.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    const pending = await first.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ seatIds: ['A-1-2'] }).expect(201);
    await first.close();

    const second = await createTestApp({ dataDir });
    try {
      const hold = await second.http.get(`/v1/holds/${pending.body.holdId}`).set('Authorization', c.auth).expect(200);
      expect(['active', 'expired']).toContain(hold.body.status);
      const again = await second.http.get(`/v1/orders/${order.body.orderId}`).set('Authorization', c.auth).expect(200);
      expect(again.body.tickets.map((x: { seatId: string }) => x.seatId)).toEqual(['A-1-1']);
      // The expiry worker of the new process rebuilt its queue from the log.
      await eventually(async () => {
        const events = await second.store.readAll();
        return events.some((e) => e.type === 'HoldExpired' && (e.data as { holdId: string }).holdId === pending.body.holdId);
      });
      const other = await second.customer();
      await second.http.post(`/v1/shows/${showId}/holds`).set('Authorization', other.auth).send({ seatIds: ['A-1-2'] }).expect(201);
      await second.http.post(`/v1/shows/${showId}/holds`).set('Authorization', other.auth).send({ seatIds: ['A-1-1'] }).expect(409);
    } finally {
      await second.close();
    }
  });
});
