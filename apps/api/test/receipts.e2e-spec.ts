import { createTestApp, type TestApp } from './testApp';
import { eventually } from './inventoryFixtures';
import { SmtpSink, type ReceivedMail } from './support/smtpSink';
import { mailingOf, subjectOf, textOf } from './support/receivedMail';
import { ReceiptLinks } from '../src/receipts/receiptLinks';

type Customer = { customerId: string; auth: string };

const SHOW = 'receipts-long-night';
const BASE = 'https://tickets.example.com';

describe('order receipts by email', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await createTestApp({ seedDemo: true, smtpUrl: smtp.url, config: { publicBaseUrl: BASE } });
    // A show of the demo's film in the demo's cinema (Amsterdam), on a fixed winter evening.
    await t.http
      .post('/v1/admin/shows')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({
        id: SHOW, eventId: 'movie-the-long-night', venueId: 'cinema-hall-1', startsAt: '2027-01-15T19:30:00.000Z', kind: 'seated', holdSeconds: 300, maxTicketsPerCustomer: 10,
        tiers: [{ tier: 'economy', price: 950, currency: 'EUR' }, { tier: 'regular', price: 1250, currency: 'EUR' }, { tier: 'vip', price: 1650, currency: 'EUR' }],
      })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  async function buy(customer: Customer, seatIds: string[], key: string, email?: string): Promise<{ orderId: string; total: number }> {
    const hold = await t.http.post(`/v1/shows/${SHOW}/holds`).set('Authorization', customer.auth).send({ seatIds }).expect(201);
    const order = await t.http
      .post(`/v1/holds/${hold.body.holdId as string}/purchase`)
      .set('Authorization', customer.auth)
      .set('Idempotency-Key', key)
      .send({ payment: { token: 'tok_visa' }, ...(email ? { email } : {}) })
      .expect(201);
    return order.body as { orderId: string; total: number };
  }

  const receiptsOf = (orderId: string): ReceivedMail[] => smtp.accepted.filter((m) => mailingOf(m) === `receipt/${orderId}`);
  const completed = async (orderId: string) => (await t.store.readStream(`outbox-receipt-${orderId}`)).some((e) => e.type === 'MailingCompleted');
  const linkIn = (mail: ReceivedMail) => new RegExp(`^${BASE.replace(/\./g, '\\.')}/receipts/(\\S+)$`, 'm').exec(textOf(mail))?.[1];

  let ann: Customer;
  let annOrder: { orderId: string; total: number };
  let annToken: string;

  it("a purchase with an address gets a receipt naming the event, venue, date and time in the venue's zone, the seats and the total, with a signed link", async () => {
    ann = await t.customer();
    annOrder = await buy(ann, ['HALL-C-7', 'HALL-C-8'], 'ann-1', 'ann@example.com');
    await eventually(async () => receiptsOf(annOrder.orderId).length === 1);
    const [mail] = receiptsOf(annOrder.orderId);
    expect(mail.to).toEqual(['ann@example.com']);
    expect(subjectOf(mail)).toBe('Your tickets: The Long Night, Cinema Centraal, Hall 1, Fri 15 Jan 2027, 20:30 CET');
    const text = textOf(mail);
    expect(text).toContain('The Long Night\nCinema Centraal, Hall 1, Amsterdam\nFri 15 Jan 2027, 20:30 CET (Europe/Amsterdam time)');
    expect(text).toContain('2 tickets:\n  Row C, seat 7 (regular): €12.50\n  Row C, seat 8 (regular): €12.50');
    expect(text).toContain('Total paid: €25.00');
    expect(annOrder.total).toBe(2500);
    const token = linkIn(mail);
    expect(token).toMatch(/^R1\./);
    annToken = token!;

    // The link opens the order's tickets with their QR payloads: no customer token sent.
    const receipt = (await t.http.get(`/v1/receipts/${annToken}`).expect(200)).body;
    const order = (await t.http.get(`/v1/orders/${annOrder.orderId}`).set('Authorization', ann.auth).expect(200)).body;
    expect(receipt).toEqual({
      orderId: annOrder.orderId,
      showId: SHOW,
      show: { eventId: 'movie-the-long-night', eventName: 'The Long Night', venueName: 'Cinema Centraal, Hall 1', cityName: 'Amsterdam', startsAt: '2027-01-15T19:30:00.000Z', timeZone: 'Europe/Amsterdam' },
      tickets: order.tickets,
      total: 2500,
      currency: 'EUR',
      purchasedAt: order.purchasedAt,
    });
    expect(receipt.tickets.map((x: { seatId: string; pass: string }) => [x.seatId, x.pass.startsWith(`T1.${SHOW}.`)])).toEqual([['HALL-C-7', true], ['HALL-C-8', true]]);
    expect(JSON.stringify(receipt)).not.toContain(ann.customerId);
  });

  it('"My orders" and the order name the show: event, venue, city, start and the venue\'s zone', async () => {
    const show = { eventName: 'The Long Night', venueName: 'Cinema Centraal, Hall 1', cityName: 'Amsterdam', startsAt: '2027-01-15T19:30:00.000Z', timeZone: 'Europe/Amsterdam' };
    expect((await t.http.get('/v1/customers/me/orders').set('Authorization', ann.auth).expect(200)).body.items[0].show).toMatchObject(show);
    expect((await t.http.get(`/v1/orders/${annOrder.orderId}`).set('Authorization', ann.auth).expect(200)).body.show).toMatchObject(show);
  });

  it('exactly one receipt per order: a retried purchase sends none, an order without an address gets none, later orders get theirs', async () => {
    // The same purchase again (same Idempotency-Key): the same order, no second receipt.
    const retried = await t.http
      .post(`/v1/holds/${(await t.http.get(`/v1/orders/${annOrder.orderId}`).set('Authorization', ann.auth)).body.holdId as string}/purchase`)
      .set('Authorization', ann.auth)
      .set('Idempotency-Key', 'ann-1')
      .send({ payment: { token: 'tok_visa' }, email: 'ann@example.com' })
      .expect(201);
    expect(retried.body.orderId).toBe(annOrder.orderId);

    const dan = await t.customer();
    const danOrder = await buy(dan, ['HALL-D-1'], 'dan-1');
    const bob = await t.customer();
    const bobOrder = await buy(bob, ['HALL-E-1', 'HALL-E-2', 'HALL-E-3'], 'bob-1', 'bob@example.com');
    const annSecond = await buy(ann, ['HALL-F-1'], 'ann-2', 'ann@example.com');
    // The outbox works through receipts oldest first, one at a time: once the last is complete, any repeat of an earlier one would be in.
    await eventually(async () => (await completed(bobOrder.orderId)) && (await completed(annSecond.orderId)) && (await completed(annOrder.orderId)));
    expect(receiptsOf(annOrder.orderId)).toHaveLength(1);
    expect(receiptsOf(bobOrder.orderId)).toHaveLength(1);
    expect(receiptsOf(annSecond.orderId)).toHaveLength(1);
    expect(receiptsOf(danOrder.orderId)).toHaveLength(0);
    expect(textOf(receiptsOf(bobOrder.orderId)[0])).toContain('3 tickets:');
    expect(textOf(receiptsOf(annSecond.orderId)[0])).toContain('1 ticket:\n  Row F, seat 1 (regular): €12.50');
    // One receipt, one Message-ID of its own each.
    const ids = [annOrder, bobOrder, annSecond].map((o) => receiptsOf(o.orderId)[0].messageId);
    expect(new Set(ids).size).toBe(3);
    // Each link opens its own order only.
    const bobToken = linkIn(receiptsOf(bobOrder.orderId)[0])!;
    expect((await t.http.get(`/v1/receipts/${bobToken}`).expect(200)).body.orderId).toBe(bobOrder.orderId);
  });

  describe('a link that is not one of ours: a 4xx naming the token, nothing opened or written', () => {
    const fieldOf = (body: { details?: { field?: string } }) => body.details?.field;

    async function refused(token: string, status: number) {
      const before = await t.store.headPosition();
      const answer = await t.http.get(`/v1/receipts/${token}`).expect(status);
      expect(await t.store.headPosition()).toBe(before);
      expect(answer.body.tickets).toBeUndefined();
      return answer.body as { error: string; message: string; details?: { field?: string } };
    }

    it('a signature changed by one character: 403 receipt_link_invalid', async () => {
      const last = annToken.at(-2) === 'A' ? 'B' : 'A';
      const answer = await refused(`${annToken.slice(0, -2)}${last}${annToken.at(-1)}`, 403);
      expect(answer).toMatchObject({ error: 'receipt_link_invalid', details: { field: 'token' } });
      expect(answer.message).toMatch(/not valid/);
    });

    it("another order's claims under this signature: 403 receipt_link_invalid", async () => {
      const [prefix, , signature] = annToken.split('.');
      const claims = Buffer.from(JSON.stringify({ c: ann.customerId, o: 'someone-elses-order' })).toString('base64url');
      expect((await refused(`${prefix}.${claims}.${signature}`, 403)).error).toBe('receipt_link_invalid');
    });

    it('a customer token in place of a receipt token: 400 naming token', async () => {
      const answer = await refused(ann.auth.replace('Bearer ', ''), 400);
      expect(answer.error).toBe('invalid_request');
      expect(fieldOf(answer)).toBe('token');
    });

    it.each([['garbage', 'not-a-token'], ['a cut-off link', 'R1.abc'], ['a character no token has', `R1.${'a'.repeat(40)}*.${'b'.repeat(43)}`]])('%s: 400 naming token', async (_what, token) => {
      const answer = await refused(token, 400);
      expect(answer.error).toBe('invalid_request');
      expect(fieldOf(answer)).toBe('token');
    });

    it('a well-signed link to an order that does not exist: 404', async () => {
      const token = t.app.get(ReceiptLinks).tokenFor({ customerId: ann.customerId, orderId: 'no-such-order' });
      expect((await refused(token, 404)).error).toBe('not_found');
    });
  });
});
