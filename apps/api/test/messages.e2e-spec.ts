import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './testApp';
import { eventually } from './inventoryFixtures';
import { SmtpSink } from './support/smtpSink';

type Customer = { customerId: string; auth: string };

describe('messages to ticket holders', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let showId: string;
  let otherShowId: string;
  const c: Record<'ann' | 'bob' | 'cat' | 'dan' | 'eve', Customer> = {} as never;

  const admin = (path: string, body: unknown) => t.http.post(path).set('Authorization', `Bearer ${t.adminToken}`).send(body as object);

  async function show(id: string): Promise<string> {
    await admin('/v1/admin/cities', { id: `${id}-city`, name: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' }).expect(201);
    await admin('/v1/admin/venues', { id: `${id}-venue`, cityId: `${id}-city`, name: 'Park', kind: 'festival' }).expect(201);
    await admin('/v1/admin/performers', { id: `${id}-band`, name: 'The Band' }).expect(201);
    await admin('/v1/admin/events', { id: `${id}-event`, name: `${id} Festival`, description: 'x', category: 'festival', performerId: `${id}-band` }).expect(201);
    await admin('/v1/admin/shows', {
      id, eventId: `${id}-event`, venueId: `${id}-venue`, startsAt: '2027-07-01T12:00:00.000Z', kind: 'general', capacity: 200, maxTicketsPerCustomer: 10, shardCount: 2,
      tiers: [{ tier: 'standing', price: 3000, currency: 'EUR' }, { tier: 'golden', price: 9000, currency: 'EUR' }],
      generalTiers: [{ tier: 'standing', capacity: 100 }, { tier: 'golden', capacity: 100 }],
    }).then((r) => {
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    });
    return id;
  }

  async function buy(customer: Customer, show: string, tier: string, email?: string): Promise<void> {
    const hold = await t.http.post(`/v1/shows/${show}/holds`).set('Authorization', customer.auth).send({ quantity: 1, tier }).expect(201);
    await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', customer.auth).send({ payment: { token: 'tok_visa' }, ...(email ? { email } : {}) }).expect(201);
  }

  const post = (show: string, body: unknown) => admin(`/v1/admin/shows/${show}/messages`, body);
  const myMessages = async (customer: Customer) => (await t.http.get('/v1/customers/me/messages').set('Authorization', customer.auth).expect(200)).body.items as Array<{ subject: string; tier?: string }>;
  const showMessages = async (show: string) => (await t.http.get(`/v1/admin/shows/${show}/messages`).set('Authorization', `Bearer ${t.adminToken}`).expect(200)).body.items as Array<{ messageId: string; email: { sent: number; failed: number; completed: boolean } }>;
  const mailsTo = (address: string, subject: string) => smtp.accepted.filter((m) => m.to.includes(address) && m.subject === subject);

  async function delivered(show: string, messageId: string): Promise<void> {
    await eventually(async () => (await showMessages(show)).find((m) => m.messageId === messageId)?.email.completed === true);
  }

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await createTestApp({ smtpUrl: smtp.url });
    showId = await show('msg-fest');
    otherShowId = await show('msg-other');
    for (const name of ['ann', 'bob', 'cat', 'dan', 'eve'] as const) c[name] = await t.customer();
    await buy(c.ann, showId, 'standing', 'ann@example.com');
    await buy(c.bob, showId, 'golden', 'bob@example.com');
    await buy(c.cat, showId, 'standing', 'cat@example.com');
    await buy(c.cat, showId, 'golden');
    await buy(c.dan, showId, 'standing'); // no address: sees messages, gets no email
    await buy(c.eve, otherShowId, 'standing', 'eve@example.com'); // holds another show's tickets only
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it("every holder of the show with an address gets exactly one email; nobody else gets any; every holder sees it on their orders", async () => {
    const answer = await post(showId, { subject: 'Doors open at 18:00', body: 'Gates open an hour early.\nBring your QR code.' }).expect(201);
    expect(answer.body).toMatchObject({ showId, subject: 'Doors open at 18:00', postedBy: 'admin', email: { sent: expect.any(Number), completed: expect.any(Boolean) } });
    await delivered(showId, answer.body.messageId);
    for (const address of ['ann@example.com', 'bob@example.com', 'cat@example.com']) expect(mailsTo(address, 'Doors open at 18:00')).toHaveLength(1);
    expect(mailsTo('eve@example.com', 'Doors open at 18:00')).toHaveLength(0);
    const sent = smtp.accepted.filter((m) => m.subject === 'Doors open at 18:00');
    expect(sent).toHaveLength(3);
    // Deterministic Message-IDs: one per holder, in the sender's domain.
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(3);
    for (const mail of sent) expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    expect((await showMessages(showId))[0].email).toEqual({ sent: 3, failed: 0, completed: true });
    for (const holder of [c.ann, c.bob, c.cat, c.dan]) expect((await myMessages(holder)).map((m) => m.subject)).toContain('Doors open at 18:00');
    expect(await myMessages(c.eve)).toEqual([]);
  });

  it("a message to one tier reaches only that tier's holders", async () => {
    const answer = await post(showId, { subject: 'Golden lounge moved', body: 'The lounge is now behind the stage.', tier: 'golden' }).expect(201);
    expect(answer.body.tier).toBe('golden');
    await delivered(showId, answer.body.messageId);
    expect(mailsTo('bob@example.com', 'Golden lounge moved')).toHaveLength(1);
    expect(mailsTo('cat@example.com', 'Golden lounge moved')).toHaveLength(1);
    expect(mailsTo('ann@example.com', 'Golden lounge moved')).toHaveLength(0);
    expect((await myMessages(c.bob)).map((m) => m.subject)).toContain('Golden lounge moved');
    expect((await myMessages(c.ann)).map((m) => m.subject)).not.toContain('Golden lounge moved');
    expect((await myMessages(c.dan)).map((m) => m.subject)).not.toContain('Golden lounge moved');
  });

  it("is pushed over a holder's live feed, and never over a non-holder's", async () => {
    const port = (t.app.getHttpServer().address() as AddressInfo | null)?.port ?? (await new Promise<number>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', () => resolve((t.app.getHttpServer().address() as AddressInfo).port))));
    const open = (customer: Customer) =>
      new Promise<{ next: () => Promise<string>; close: () => void }>((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port, path: '/v1/customers/me/updates', headers: { authorization: customer.auth } }, (response) => {
          if (response.statusCode !== 200) return reject(new Error(`updates answered ${response.statusCode}`));
          let buffer = '';
          const messages: string[] = [];
          let waiter: (() => void) | undefined;
          response.on('data', (chunk: Buffer) => {
            buffer += chunk.toString();
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (/^event: message$/m.test(block)) messages.push(/^data: (.*)$/m.exec(block)![1]);
              waiter?.();
            }
          });
          resolve({
            next: async () => {
              while (messages.length === 0) await new Promise<void>((r) => (waiter = r));
              return messages.shift()!;
            },
            close: () => request.destroy(),
          });
        });
        request.on('error', () => undefined);
      });
    const holder = await open(c.ann);
    const outsider = await open(c.eve);
    await post(showId, { subject: 'Live: rain expected', body: 'Bring a coat.' }).expect(201);
    // Eve holds tickets of the other show only: the next message she is pushed is that show's, not this one.
    await post(otherShowId, { subject: 'Live: other show', body: 'Hello other show.' }).expect(201);
    expect(JSON.parse(await holder.next())).toMatchObject({ showId, subject: 'Live: rain expected', body: 'Bring a coat.' });
    expect(JSON.parse(await outsider.next())).toMatchObject({ showId: otherShowId, subject: 'Live: other show' });
    holder.close();
    outsider.close();
  });

  describe('bad input: a 4xx naming the problem, nothing written', () => {
    const fieldOf = (body: { details?: { field?: string; fields?: Array<{ field: string }> } }) => body.details?.field ?? body.details?.fields?.[0]?.field;
    async function refused(path: string, body: unknown, status: number): Promise<{ error: string; message: string; details?: { field?: string; fields?: Array<{ field: string }> } }> {
      const before = await t.store.headPosition();
      const answer = await admin(path, body).expect(status);
      expect(await t.store.headPosition()).toBe(before);
      return answer.body;
    }

    it.each([
      ['an empty body', { subject: 'Hi', body: '' }, 'body'],
      ['a body of spaces', { subject: 'Hi', body: '   \n ' }, 'body'],
      ['a body over 5,000 characters', { subject: 'Hi', body: 'x'.repeat(5_001) }, 'body'],
      ['no subject', { body: 'Hello' }, 'subject'],
      ['a subject of two lines', { subject: 'Hi\r\nBcc: all@example.com', body: 'Hello' }, 'subject'],
      ['a malformed tier', { subject: 'Hi', body: 'Hello', tier: 'no such tier!' }, 'tier'],
      ['an unknown field', { subject: 'Hi', body: 'Hello', to: 'everyone' }, 'to'],
    ])('%s: 400 naming the field', async (_what, body, field) => {
      const answer = await refused(`/v1/admin/shows/${showId}/messages`, body, 400);
      expect(answer.error).toBe('invalid_request');
      expect(fieldOf(answer)).toBe(field);
    });

    it("a tier the show does not sell: 400 naming the tier", async () => {
      const answer = await refused(`/v1/admin/shows/${showId}/messages`, { subject: 'Hi', body: 'Hello', tier: 'balcony' }, 400);
      expect(answer).toMatchObject({ error: 'invalid_request', details: { field: 'tier' } });
      expect(answer.message).toContain('balcony');
    });

    it('an unknown show: 404 naming it', async () => {
      const answer = await refused('/v1/admin/shows/no-such-show/messages', { subject: 'Hi', body: 'Hello' }, 404);
      expect(answer).toMatchObject({ error: 'not_found' });
      expect(answer.message).toContain('no-such-show');
    });

    it('a customer token cannot post', async () => {
      await t.http.post(`/v1/admin/shows/${showId}/messages`).set('Authorization', c.ann.auth).send({ subject: 'Hi', body: 'Hello' }).expect(401);
    });

    it('a malformed email at purchase: 400 naming email, the hold still unpaid', async () => {
      const buyer = await t.customer();
      const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', buyer.auth).send({ quantity: 1, tier: 'standing' }).expect(201);
      const before = await t.store.headPosition();
      const answer = await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', buyer.auth).send({ payment: { token: 'tok_visa' }, email: 'ann@example' }).expect(400);
      expect(fieldOf(answer.body)).toBe('email');
      expect(await t.store.headPosition()).toBe(before);
      expect((await t.http.get(`/v1/holds/${hold.body.holdId as string}`).set('Authorization', buyer.auth).expect(200)).body.status).toBe('active');
    });
  });

  describe('staff of organisations', () => {
    let acmeShow: string;
    let manager: { userId: string; auth: string };

    beforeAll(async () => {
      manager = await t.staff('event_manager', { organisationId: 'acme' });
      const as = (path: string, body: object) => t.http.post(path).set('Authorization', manager.auth).send(body);
      await as('/v1/admin/events', { id: 'acme-gig', name: 'Acme Gig', description: 'x', category: 'concert', performerId: 'msg-fest-band' }).expect(201);
      acmeShow = 'acme-gig-1';
      await as('/v1/admin/shows', {
        id: acmeShow, eventId: 'acme-gig', venueId: 'msg-fest-venue', startsAt: '2027-08-01T18:00:00.000Z', kind: 'general', capacity: 10,
        tiers: [{ tier: 'regular', price: 2000, currency: 'EUR' }],
      }).expect(201);
      await buy(c.ann, acmeShow, 'regular', 'ann@example.com');
    });

    it("the show's own event manager writes to its holders, recorded as theirs", async () => {
      const answer = await t.http.post(`/v1/admin/shows/${acmeShow}/messages`).set('Authorization', manager.auth).send({ subject: 'From Acme', body: 'Hello from the organiser.' }).expect(201);
      expect(answer.body.postedBy).toBe(manager.userId);
      const [posted] = await t.store.readStream(`messages-${acmeShow}`);
      expect(posted.metadata).toMatchObject({ showId: acmeShow, by: manager.userId });
      await delivered(acmeShow, answer.body.messageId);
      expect(mailsTo('ann@example.com', 'From Acme')).toHaveLength(1);
      const list = await t.http.get(`/v1/admin/shows/${acmeShow}/messages`).set('Authorization', manager.auth).expect(200);
      expect(list.body.items.map((m: { subject: string }) => m.subject)).toEqual(['From Acme']);
    });

    it("another organisation's event manager gets 404 and writes nothing; an auditor may not write", async () => {
      const rival = await t.staff('event_manager', { organisationId: 'globex' });
      const auditor = await t.staff('auditor', { organisationId: 'acme' });
      const before = await t.store.headPosition();
      const refused = await t.http.post(`/v1/admin/shows/${acmeShow}/messages`).set('Authorization', rival.auth).send({ subject: 'Spam', body: 'Buy our tickets.' }).expect(404);
      expect(refused.body).toMatchObject({ error: 'not_found' });
      await t.http.get(`/v1/admin/shows/${acmeShow}/messages`).set('Authorization', rival.auth).expect(404);
      // A platform show is admins' only.
      await t.http.post(`/v1/admin/shows/${showId}/messages`).set('Authorization', manager.auth).send({ subject: 'Spam', body: 'x' }).expect(404);
      await t.http.post(`/v1/admin/shows/${acmeShow}/messages`).set('Authorization', auditor.auth).send({ subject: 'Hi', body: 'x' }).expect(403);
      expect(await t.store.headPosition()).toBe(before);
    });
  });

  it("the addresses given never appear in the show's audit", async () => {
    const audit = await t.http.get(`/v1/audit/shows/${showId}/sales`).set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    expect(JSON.stringify(audit.body)).not.toContain('@example.com');
    const sold = await t.store.readAll({ maxCount: 10_000 });
    const withAddress = sold.filter((e) => JSON.stringify({ data: e.data, metadata: e.metadata }).includes('@example.com'));
    // Only in the buyers' own contact streams.
    expect(withAddress.length).toBeGreaterThan(0);
    expect(withAddress.every((e) => e.type === 'ContactEmailGiven' && e.streamId.startsWith('contact-'))).toBe(true);
  });
});
