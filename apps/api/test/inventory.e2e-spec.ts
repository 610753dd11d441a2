import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow, eventually } from './inventoryFixtures';

describe('Holds, purchases and read models over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('a seated show', () => {
    let showId: string;
    beforeAll(async () => {
      showId = await createSeatedShow(t, { maxTicketsPerCustomer: 6 });
    });

    it('holds chosen seats, shows them held, sells them once, and lists the sale for auditors', async () => {
      const alice = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', alice.auth).send({ seatIds: ['A-1-1', 'A-1-2'] }).expect(201);
      expect(hold.body).toMatchObject({ showId, seatIds: ['A-1-1', 'A-1-2'], holdId: expect.any(String) });
      expect(Date.parse(hold.body.expiresAt)).toBeGreaterThan(Date.now());
      const holdId = hold.body.holdId as string;

      const view = await t.http.get(`/v1/holds/${holdId}`).set('Authorization', alice.auth).expect(200);
      expect(view.body).toMatchObject({ holdId, status: 'active', seatIds: ['A-1-1', 'A-1-2'] });

      await eventually(async () => {
        const seats = await t.http.get(`/v1/shows/${showId}/seats?section=A`).expect(200);
        return seats.body.filter((s: { status: string }) => s.status === 'held').length === 2;
      });
      const availability = await t.http.get(`/v1/shows/${showId}/availability`).expect(200);
      expect(availability.body).toMatchObject({ capacity: 100, held: 2, sold: 0, available: 98, byTier: { vip: { capacity: 20, held: 2 } } });
      expect(typeof availability.body.lagEvents).toBe('number');

      const bought = await t.http
        .post(`/v1/holds/${holdId}/purchase`)
        .set('Authorization', alice.auth)
        .set('Idempotency-Key', 'alice-1')
        .send({ payment: { token: 'tok_visa' } })
        .expect(201);
      expect(bought.body).toMatchObject({ holdId, orderId: expect.any(String), purchasedAt: expect.stringMatching(/\.\d{3}Z$/) });
      expect(bought.body.tickets).toHaveLength(2);
      expect(bought.body.tickets[0]).toMatchObject({ seatId: 'A-1-1', tier: 'vip', price: 9000 });

      const retried = await t.http
        .post(`/v1/holds/${holdId}/purchase`)
        .set('Authorization', alice.auth)
        .set('Idempotency-Key', 'alice-1')
        .send({ payment: { token: 'tok_visa' } })
        .expect(201);
      expect(retried.body.orderId).toBe(bought.body.orderId);
      expect(retried.body.tickets.map((x: { ticketId: string }) => x.ticketId)).toEqual(bought.body.tickets.map((x: { ticketId: string }) => x.ticketId));

      const again = await t.http
        .post(`/v1/holds/${holdId}/purchase`)
        .set('Authorization', alice.auth)
        .set('Idempotency-Key', 'alice-2')
        .send({ payment: { token: 'tok_visa' } })
        .expect(409);
      expect(again.body.error).toBe('hold_already_purchased');

      const order = await t.http.get(`/v1/orders/${bought.body.orderId}`).set('Authorization', alice.auth).expect(200);
      expect(order.body.tickets).toHaveLength(2);
      const mine = await t.http.get('/v1/customers/me/orders').set('Authorization', alice.auth).expect(200);
      expect(mine.body.items.map((o: { orderId: string }) => o.orderId)).toEqual([bought.body.orderId]);

      const sales = await t.http.get(`/v1/audit/shows/${showId}/sales`).set('Authorization', `Bearer ${t.adminToken}`).expect(200);
      expect(sales.body.items).toEqual([
        expect.objectContaining({ seatId: 'A-1-1', customerId: alice.customerId, orderId: bought.body.orderId }),
        expect.objectContaining({ seatId: 'A-1-2', customerId: alice.customerId, orderId: bought.body.orderId }),
      ]);
      expect(sales.body.items[0].soldAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const view2 = await t.http.get(`/v1/holds/${holdId}`).set('Authorization', alice.auth).expect(200);
      expect(view2.body).toMatchObject({ status: 'purchased', orderId: bought.body.orderId });
    });

    it('refuses a seat someone else holds, naming it, and takes all or none', async () => {
      const bob = await t.customer();
      const carol = await t.customer();
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', bob.auth).send({ seatIds: ['A-2-5'] }).expect(201);
      const refused = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', carol.auth).send({ seatIds: ['A-2-4', 'A-2-5', 'B-1-1'] }).expect(409);
      expect(refused.body).toMatchObject({ error: 'seats_unavailable', unavailable: ['A-2-5'] });
      // Nothing of the refused request stays held, not even the seat in the other section (shard).
      const ok = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', carol.auth).send({ seatIds: ['A-2-4', 'B-1-1'] }).expect(201);
      expect(ok.body.seatIds).toEqual(['A-2-4', 'B-1-1']);
    });

    it('finds best available adjacent seats in a tier', async () => {
      const dave = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', dave.auth).send({ quantity: 3, tier: 'economy' }).expect(201);
      const numbers = (hold.body.seatIds as string[]).map((s) => s.split('-'));
      expect(new Set(numbers.map(([section, row]) => `${section}-${row}`)).size).toBe(1);
      const seatNumbers = numbers.map(([, , n]) => Number(n)).sort((a, b) => a - b);
      expect(seatNumbers[2] - seatNumbers[0]).toBe(2);
    });

    it('keeps each customer within the show limit, counting holds and purchases', async () => {
      const erin = await t.customer();
      const first = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', erin.auth).send({ quantity: 4, tier: 'regular' }).expect(201);
      const over = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', erin.auth).send({ quantity: 3, tier: 'regular' }).expect(422);
      expect(over.body).toMatchObject({ error: 'limit_exceeded', limit: 6 });
      await t.http.post(`/v1/holds/${first.body.holdId}/purchase`).set('Authorization', erin.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', erin.auth).send({ quantity: 3 }).expect(422);
      const second = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', erin.auth).send({ quantity: 2 }).expect(201);
      await t.http.delete(`/v1/holds/${second.body.holdId}`).set('Authorization', erin.auth).expect(204);
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', erin.auth).send({ quantity: 2 }).expect(201);
    });

    it('refuses the one of two simultaneous holds that would pass the limit, and gives its seats back', async () => {
      const show = await createSeatedShow(t, { maxTicketsPerCustomer: 6 });
      const fay = await t.customer();
      const both = await Promise.all(
        [0, 1].map(() => t.http.post(`/v1/shows/${show}/holds`).set('Authorization', fay.auth).send({ quantity: 4, tier: 'economy' })),
      );
      expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
      expect(both.find((r) => r.status === 422)!.body).toMatchObject({ error: 'limit_exceeded', limit: 6 });
      const kept = both.find((r) => r.status === 201)!.body.seatIds as string[];
      await eventually(async () => {
        const seats = await t.http.get(`/v1/shows/${show}/seats?section=B`).expect(200);
        const held = seats.body.filter((s: { status: string }) => s.status === 'held').map((s: { seatId: string }) => s.seatId);
        return held.length === 4 && kept.every((seatId) => held.includes(seatId));
      });
      const availability = await t.http.get(`/v1/shows/${show}/availability`).expect(200);
      expect(availability.body.byTier.economy).toMatchObject({ held: 4, available: 46 });
    });

    it('serves the seat map as JSON, gzipped when asked, and refuses a bad query with a 400 naming it', async () => {
      const plain = await t.http.get(`/v1/shows/${showId}/seats?section=B`).set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const zipped = await t.http.get(`/v1/shows/${showId}/seats?section=B`).set('Accept-Encoding', 'gzip').expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body).toEqual(plain.body);
      expect(plain.body).toHaveLength(50);
      const bad = await t.http.get(`/v1/shows/${showId}/seats?section=B!`).expect(400);
      expect(bad.body).toMatchObject({ error: 'invalid_request', details: { fields: [{ field: 'section' }] } });
      const extra = await t.http.get(`/v1/shows/${showId}/seats?section=B&sort=row`).expect(400);
      expect(extra.body).toMatchObject({ error: 'invalid_request', details: { fields: [{ field: 'sort' }] } });
      await t.http.get(`/v1/shows/${showId}/seats?section=Z`).expect(404);
    });

    it("never lets a customer see, release or buy another customer's hold", async () => {
      const owner = await t.customer();
      const other = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', owner.auth).send({ seatIds: ['B-5-10'] }).expect(201);
      const holdId = hold.body.holdId as string;
      await t.http.get(`/v1/holds/${holdId}`).set('Authorization', other.auth).expect(404);
      await t.http.delete(`/v1/holds/${holdId}`).set('Authorization', other.auth).expect(404);
      await t.http.post(`/v1/holds/${holdId}/purchase`).set('Authorization', other.auth).send({ payment: { token: 'tok_visa' } }).expect(404);
      await t.http.get(`/v1/holds/${holdId}`).set('Authorization', owner.auth).expect(200);
    });

    it('answers a declined card with 402 and keeps the hold; rejects unknown cards with 400', async () => {
      const frank = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', frank.auth).send({ seatIds: ['B-4-1'] }).expect(201);
      const declined = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', frank.auth).send({ payment: { token: 'tok_declined' } }).expect(402);
      expect(declined.body.error).toBe('payment_declined');
      const invalid = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', frank.auth).send({ payment: { token: 'tok_fake' } }).expect(400);
      expect(invalid.body.message).toMatch(/payment\.token/);
      await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', frank.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    });

    it('releases a hold: its seats are free again and it can no longer be bought', async () => {
      const gina = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', gina.auth).send({ seatIds: ['B-3-3'] }).expect(201);
      await t.http.delete(`/v1/holds/${hold.body.holdId}`).set('Authorization', gina.auth).expect(204);
      const gone = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', gina.auth).send({ payment: { token: 'tok_visa' } }).expect(410);
      expect(gone.body.error).toBe('hold_released');
      const view = await t.http.get(`/v1/holds/${hold.body.holdId}`).set('Authorization', gina.auth).expect(200);
      expect(view.body.status).toBe('released');
      const other = await t.customer();
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', other.auth).send({ seatIds: ['B-3-3'] }).expect(201);
    });

    it.each([
      [{ seatIds: ['A-3-1'], quantity: 1 }, /seatIds or quantity/],
      [{}, /seatIds or quantity/],
      [{ quantity: 0 }, /quantity/],
      [{ quantity: 2.5 }, /quantity/],
      [{ quantity: '2' }, /quantity/],
      [{ quantity: 1, color: 'red' }, /color/],
      [{ seatIds: 'A-1-1' }, /seatIds/],
      [{ seatIds: ['A-3-1', 'A-3-1'] }, /seatIds/],
    ])('refuses the malformed hold %j with 400 naming the problem', async (body, message) => {
      const c = await t.customer();
      const response = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send(body).expect(400);
      expect(response.body.error).toBe('invalid_request');
      expect(JSON.stringify(response.body)).toMatch(message);
    });

    it('answers null fields in hold, purchase and waiting-line bodies with 400 naming the field, and writes nothing', async () => {
      const c = await t.customer();
      const held = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 1 }).expect(201);
      const cases: Array<[string, unknown, string]> = [
        [`/v1/shows/${showId}/holds`, { seatIds: null }, 'seatIds'],
        [`/v1/shows/${showId}/holds`, { seatIds: null, quantity: 1 }, 'seatIds'],
        [`/v1/shows/${showId}/holds`, { quantity: null }, 'quantity'],
        [`/v1/holds/${held.body.holdId as string}/purchase`, { payment: null }, 'payment'],
        [`/v1/holds/${held.body.holdId as string}/purchase`, {}, 'payment'],
        [`/v1/holds/${held.body.holdId as string}/purchase`, { payment: { token: null } }, 'payment.token'],
        [`/v1/shows/${showId}/waitlist`, { quantity: null }, 'quantity'],
      ];
      const eventsBefore = (await t.store.readAll()).length;
      for (const [path, body, field] of cases) {
        const response = await t.http.post(path).set('Authorization', c.auth).send(body as object);
        expect({ path, body, status: response.status, error: response.body.error }).toEqual({ path, body, status: 400, error: 'invalid_request' });
        expect(response.body.message).toContain(field);
      }
      expect((await t.store.readAll()).length).toBe(eventsBefore);
    });

    it('refuses unknown seats with 400 naming them, unknown shows with 404, and missing or forged tokens with 401', async () => {
      const c = await t.customer();
      const unknown = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ seatIds: ['Z-9-99'] }).expect(400);
      expect(unknown.body).toMatchObject({ error: 'invalid_seat', details: { seatIds: ['Z-9-99'] } });
      await t.http.post('/v1/shows/no-such-show/holds').set('Authorization', c.auth).send({ quantity: 1 }).expect(404);
      await t.http.post(`/v1/shows/${showId}/holds`).send({ quantity: 1 }).expect(401);
      const forged = `${c.auth.slice(0, -3)}abc`;
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', forged).send({ quantity: 1 }).expect(401);
      await t.http.get(`/v1/audit/shows/${showId}/sales`).set('Authorization', c.auth).expect(401);
    });
  });

  describe('a general-admission show', () => {
    it('hands out numbered tickets and counts what is left', async () => {
      const showId = await createGeneralShow(t, 1_000, 4);
      const c = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 3 }).expect(201);
      expect(hold.body.ticketNumbers).toHaveLength(3);
      expect(hold.body.seatIds).toBeUndefined();
      const bought = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', c.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
      expect(bought.body.tickets.map((x: { ticketNumber: number }) => x.ticketNumber)).toEqual(hold.body.ticketNumbers);
      await eventually(async () => (await t.http.get(`/v1/shows/${showId}/availability`)).body.sold === 3);
      const availability = await t.http.get(`/v1/shows/${showId}/availability`).expect(200);
      expect(availability.body).toMatchObject({ capacity: 1_000, sold: 3, held: 0, available: 997 });
      await t.http.get(`/v1/shows/${showId}/seats`).expect(400);
    });

    it('sells the last tickets across shards when no single shard has enough', async () => {
      const showId = await createGeneralShow(t, 8, 4, { maxTicketsPerCustomer: 10 });
      const c = await t.customer();
      const first = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 3 }).expect(201);
      expect(first.body.ticketNumbers).toHaveLength(3);
      const d = await t.customer();
      const rest = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', d.auth).send({ quantity: 5 }).expect(201);
      expect(new Set([...first.body.ticketNumbers, ...rest.body.ticketNumbers]).size).toBe(8);
      const e = await t.customer();
      const none = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', e.auth).send({ quantity: 1 }).expect(409);
      expect(none.body.error).toBe('seats_unavailable');
    });
  });

  describe('expiry', () => {
    it('expires an abandoned hold by itself, frees its seats, and refuses to sell it', async () => {
      const showId = await createSeatedShow(t, { holdSeconds: 1 });
      const c = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ seatIds: ['A-5-5'] }).expect(201);
      await eventually(async () => (await t.http.get(`/v1/holds/${hold.body.holdId}`).set('Authorization', c.auth)).body.status === 'expired');
      const late = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', c.auth).send({ payment: { token: 'tok_visa' } }).expect(410);
      expect(late.body.error).toBe('hold_expired');
      // The worker wrote HoldExpired: the read model shows the seat free again.
      await eventually(async () => {
        const seats = await t.http.get(`/v1/shows/${showId}/seats?section=A`);
        return seats.body.find((s: { seatId: string }) => s.seatId === 'A-5-5').status === 'available';
      });
      const events = await t.store.readAll();
      expect(events.some((e) => e.type === 'HoldExpired' && (e.data as { holdId: string }).holdId === hold.body.holdId)).toBe(true);
      const other = await t.customer();
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', other.auth).send({ seatIds: ['A-5-5'] }).expect(201);
    });
  });
});
