import { PaymentProvider, type ChargeRequest } from '../src/inventory/payments/paymentProvider';
import { catalogStream } from '../src/catalog/catalogStreams';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow } from './inventoryFixtures';

/**
 * Fees and VAT from the server: the hold's lines and itemised total (GET /v1/holds/:holdId),
 * the amount the card is charged and the order answer are the same figures.
 */
describe('Checkout charges over HTTP', () => {
  let t: TestApp;
  /** What the (simulated) card provider was asked to charge: watched, never replaced. */
  const charged: ChargeRequest[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const payments = t.app.get(PaymentProvider);
    const charge = payments.charge.bind(payments);
    payments.charge = (request) => {
      charged.push(request);
      return charge(request);
    };
  });
  afterAll(() => t.close());

  const admin = () => `Bearer ${t.adminToken}`;
  const hold = async (auth: string, showId: string, body: object) => (await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', auth).send(body).expect(201)).body.holdId as string;
  const holdDetails = async (auth: string, holdId: string) => (await t.http.get(`/v1/holds/${holdId}`).set('Authorization', auth).expect(200)).body;
  const purchase = async (auth: string, holdId: string) =>
    (await t.http.post(`/v1/holds/${holdId}/purchase`).set('Authorization', auth).set('Idempotency-Key', `buy-${holdId}`).send({ payment: { token: 'tok_visa' } }).expect(201)).body;

  describe('a seated show with a €1.50 fee per ticket and 9 % VAT', () => {
    let showId: string;
    beforeAll(async () => {
      showId = await createSeatedShow(t, { serviceFeePerTicket: 150, vatBasisPoints: 900 });
    });

    it('states its fee and VAT rate', async () => {
      expect((await t.http.get(`/v1/shows/${showId}`).expect(200)).body).toMatchObject({ serviceFeePerTicket: 150, vatBasisPoints: 900 });
    });

    it("itemises the hold at the prices it recorded; the charge and the order carry the same total; the audit keeps each ticket's price", async () => {
      const buyer = await t.customer();
      const holdId = await hold(buyer.auth, showId, { seatIds: ['A-1-1', 'A-3-1', 'B-1-1'] });
      // The vip price goes up after the hold: the hold keeps the price it was made at.
      await t.http.put(`/v1/admin/shows/${showId}/tiers/vip/price`).set('Authorization', admin()).send({ price: 12_000 }).expect(200);

      const details = await holdDetails(buyer.auth, holdId);
      const charges = {
        ticketsTotal: 9_000 + 5_000 + 2_500,
        serviceFeePerTicket: 150,
        serviceFees: 450,
        vatBasisPoints: 900,
        // 16,950 × 9 / 109 = 1,399.54…: VAT is worked out once on the total, to the nearest cent.
        vat: 1_400,
        total: 16_950,
        currency: 'EUR',
      };
      expect(details).toMatchObject({ holdId, status: 'active', waitlistOffer: false, ...charges });
      expect(details.lines).toEqual([
        { seatId: 'A-1-1', section: 'Stalls', row: '1', seat: 1, tier: 'vip', price: 9_000 },
        { seatId: 'A-3-1', section: 'Stalls', row: '3', seat: 1, tier: 'regular', price: 5_000 },
        { seatId: 'B-1-1', section: 'Balcony', row: '1', seat: 1, tier: 'economy', price: 2_500 },
      ]);
      // Any other reader (another tab, another device) gets the same figures.
      expect(await holdDetails(buyer.auth, holdId)).toEqual(details);

      const before = charged.length;
      const order = await purchase(buyer.auth, holdId);
      expect(charged.slice(before)).toEqual([expect.objectContaining({ amount: 16_950, currency: 'EUR' })]);
      expect(order).toMatchObject(charges);
      expect(order.tickets.map((x: { seatId: string; price: number }) => [x.seatId, x.price])).toEqual([
        ['A-1-1', 9_000],
        ['A-3-1', 5_000],
        ['B-1-1', 2_500],
      ]);
      const read = (await t.http.get(`/v1/orders/${order.orderId}`).set('Authorization', buyer.auth).expect(200)).body;
      expect(read).toMatchObject(charges);
      expect((await t.http.get('/v1/customers/me/orders').set('Authorization', buyer.auth).expect(200)).body.items[0]).toMatchObject({ orderId: order.orderId, ...charges });
      // The hold, bought, still answers with its figures.
      expect(await holdDetails(buyer.auth, holdId)).toMatchObject({ status: 'purchased', orderId: order.orderId, ...charges });

      // The fee is a figure of its own: each ticket's recorded price stays its tier's.
      const audit = await t.http.get(`/v1/audit/shows/${showId}/sales`).set('Authorization', admin()).expect(200);
      expect(audit.body.items.map((x: { seatId: string; price: number }) => [x.seatId, x.price])).toEqual([
        ['A-1-1', 9_000],
        ['A-3-1', 5_000],
        ['B-1-1', 2_500],
      ]);
      const sold = (await t.store.readAll()).filter((e) => e.type === 'TicketsSold' && (e.data as { orderId: string }).orderId === order.orderId);
      // One sale per shard the hold spans (sections A and B), each with the show's fee and rate.
      expect(sold.length).toBeGreaterThan(0);
      for (const sale of sold) expect(sale.data).toMatchObject({ serviceFeePerTicket: 150, vatBasisPoints: 900 });
    });
  });

  it('a general-admission show without fee or VAT: the total is the tickets, nothing of it VAT, and that is what is charged', async () => {
    const showId = await createGeneralShow(t, 100, 2);
    expect((await t.http.get(`/v1/shows/${showId}`).expect(200)).body).toMatchObject({ serviceFeePerTicket: 0, vatBasisPoints: 0 });
    const buyer = await t.customer();
    const holdId = await hold(buyer.auth, showId, { quantity: 3 });
    const details = await holdDetails(buyer.auth, holdId);
    const charges = { ticketsTotal: 36_000, serviceFeePerTicket: 0, serviceFees: 0, vatBasisPoints: 0, vat: 0, total: 36_000, currency: 'EUR' };
    expect(details).toMatchObject(charges);
    expect(details.lines).toHaveLength(3);
    for (const line of details.lines) expect(line).toEqual({ ticketNumber: expect.any(Number), tier: 'regular', price: 12_000 });

    const before = charged.length;
    const order = await purchase(buyer.auth, holdId);
    expect(charged.slice(before)).toEqual([expect.objectContaining({ amount: 36_000 })]);
    expect(order).toMatchObject(charges);
    expect((await t.http.get(`/v1/orders/${order.orderId}`).set('Authorization', buyer.auth).expect(200)).body).toMatchObject(charges);
  });

  it('rounds the VAT of a whole order once: a €0.10 fee at 21 % on two €10 tickets', async () => {
    const showId = await createGeneralShow(t, 10, 1, { serviceFeePerTicket: 10, vatBasisPoints: 2_100 });
    await t.http.put(`/v1/admin/shows/${showId}/tiers/regular/price`).set('Authorization', admin()).send({ price: 1_000 }).expect(200);
    const buyer = await t.customer();
    const holdId = await hold(buyer.auth, showId, { quantity: 2 });
    // 2,020 × 21 / 121 = 350.58 → 351 (per line it would be 175.29 → 175, twice: 350).
    expect(await holdDetails(buyer.auth, holdId)).toMatchObject({ ticketsTotal: 2_000, serviceFees: 20, total: 2_020, vat: 351 });
    const order = await purchase(buyer.auth, holdId);
    expect(order).toMatchObject({ total: 2_020, vat: 351 });
  });

  describe('bad fee or VAT input when scheduling: a 400 naming the field, nothing written', () => {
    let place: { eventId: string; venueId: string };
    beforeAll(async () => {
      const { eventId, venueId } = (await t.http.get(`/v1/shows/${await createGeneralShow(t, 10, 1)}`).expect(200)).body;
      place = { eventId, venueId };
    });

    it.each([
      ['a negative fee', { serviceFeePerTicket: -1 }, 'serviceFeePerTicket'],
      ['a fee in euros', { serviceFeePerTicket: 1.5 }, 'serviceFeePerTicket'],
      ['a fee as text', { serviceFeePerTicket: '150' }, 'serviceFeePerTicket'],
      ['a fee of 10,000 euros', { serviceFeePerTicket: 1_000_001 }, 'serviceFeePerTicket'],
      ['a VAT rate in percent with decimals', { vatBasisPoints: 5.5 }, 'vatBasisPoints'],
      ['a VAT rate above 50 %', { vatBasisPoints: 5_001 }, 'vatBasisPoints'],
      ['a negative VAT rate', { vatBasisPoints: -900 }, 'vatBasisPoints'],
    ])('%s', async (_, patch, field) => {
      const id = `bad-charges-${field.toLowerCase()}-${String(Object.values(patch)[0]).replace(/[^0-9a-z]/gi, 'x')}`;
      // A show that is accepted without the bad field (the last case proves it).
      const response = await t.http
        .post('/v1/admin/shows')
        .set('Authorization', admin())
        .send({ id, ...place, startsAt: '2027-06-01T20:00:00Z', kind: 'general', capacity: 10, tiers: [{ tier: 'regular', price: 100, currency: 'EUR' }], ...patch })
        .expect(400);
      expect(response.body).toMatchObject({ error: 'invalid_request', message: expect.stringContaining(field) });
      expect(await t.store.readStream(catalogStream('show', id))).toHaveLength(0);
      await t.http.get(`/v1/shows/${id}`).expect(404);
    });

    it('accepts the same show with a fee of 0 and no VAT', async () => {
      const body = { id: 'good-charges', ...place, startsAt: '2027-06-01T20:00:00Z', kind: 'general', capacity: 10, tiers: [{ tier: 'regular', price: 100, currency: 'EUR' }], serviceFeePerTicket: 0, vatBasisPoints: 0 };
      expect((await t.http.post('/v1/admin/shows').set('Authorization', admin()).send(body).expect(201)).body).toMatchObject({ serviceFeePerTicket: 0, vatBasisPoints: 0 });
    });
  });
});
