import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createFestival, eventually, killAll, killServer, startServer, type ChildServer } from './support/childServer';
import { SmtpSink } from './support/smtpSink';

const ADMIN = 'outbox-crash-admin-token-0123456789';
const HOLDERS = 6;

/**
 * The outbox across a crash: the API is SIGKILLed while the SMTP server holds the third
 * email unanswered. After a restart on the same data, every holder has exactly one
 * email: the two accepted before the crash are not sent again, the one never accepted
 * and the rest are sent.
 */
describe('the email outbox across a crash', () => {
  let dataDir: string;
  let smtp: SmtpSink;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'outbox-crash-'));
    smtp = await SmtpSink.start();
  });

  afterAll(async () => {
    killAll();
    await smtp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ ADMIN_TOKEN: ADMIN, SMTP_URL: smtp.url, MAIL_FROM: 'Fest <news@fest.example>', MAIL_RETRY_MAX_SECONDS: '1' });

  it('resends to those not yet sent and to nobody twice', async () => {
    server = await startServer(dataDir, env());
    const showId = await createFestival(server.url, ADMIN, 'crash', { capacity: 100 });
    const addresses: string[] = [];
    for (let i = 0; i < HOLDERS; i++) {
      const customer = await call(server.url, 'POST', '/v1/customers');
      const token = customer.body.token as string;
      const hold = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { token, body: { quantity: 1 } });
      expect(hold.status).toBe(201);
      const address = `holder${i}@example.com`;
      const bought = await call(server.url, 'POST', `/v1/holds/${hold.body.holdId as string}/purchase`, { token, body: { payment: { token: 'tok_visa' }, email: address } });
      expect(bought.status).toBe(201);
      addresses.push(address);
    }

    // Each purchase's receipt goes out first; the message to the holders comes after them.
    await eventually(async () => smtp.accepted.length === HOLDERS, 30_000, 'the receipts');
    const messages = () => smtp.accepted.filter((m) => m.subject === 'Set times');
    const third = smtp.holdAt(HOLDERS + 3);
    const posted = await call(server.url, 'POST', `/v1/admin/shows/${showId}/messages`, { token: ADMIN, body: { subject: 'Set times', body: 'The band plays at 21:00.' } });
    expect(posted.status).toBe(201);
    await third;
    await killServer(server);
    expect(messages()).toHaveLength(2);
    const acceptedBeforeCrash = messages().map((m) => m.messageId);
    smtp.release();

    server = await startServer(dataDir, env());
    const url = server.url;
    await eventually(async () => {
      const list = await call(url, 'GET', `/v1/admin/shows/${showId}/messages`, { token: ADMIN });
      return list.body.items?.[0]?.email?.completed === true;
    }, 30_000, 'the mailing to complete');
    const counts = smtp.countsByAddress();
    // One receipt and one message each.
    expect(addresses.map((a) => [a, counts.get(a) ?? 0])).toEqual(addresses.map((a) => [a, 2]));
    expect(messages()).toHaveLength(HOLDERS);
    // The same Message-IDs as before the crash would have had: two from before, unique overall.
    expect(new Set(messages().map((m) => m.messageId)).size).toBe(HOLDERS);
    expect(messages().slice(0, 2).map((m) => m.messageId)).toEqual(acceptedBeforeCrash);
    for (const mail of smtp.accepted) expect(mail.messageId).toMatch(/@fest\.example>$/);
    const list = await call(url, 'GET', `/v1/admin/shows/${showId}/messages`, { token: ADMIN });
    expect(list.body.items[0].email).toEqual({ sent: HOLDERS, failed: 0, completed: true });
    await killServer(server);
  }, 120_000);

  it('waits for an SMTP server that is down, then delivers', async () => {
    const down = await SmtpSink.start();
    const port = down.port;
    await down.stop();
    const dir = mkdtempSync(join(tmpdir(), 'outbox-down-'));
    try {
      server = await startServer(dir, { ...env(), SMTP_URL: `smtp://127.0.0.1:${port}`, LOG_LEVEL: 'warn' });
      const showId = await createFestival(server.url, ADMIN, 'down', { capacity: 10 });
      const customer = await call(server.url, 'POST', '/v1/customers');
      const token = customer.body.token as string;
      const hold = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { token, body: { quantity: 1 } });
      await call(server.url, 'POST', `/v1/holds/${hold.body.holdId as string}/purchase`, { token, body: { payment: { token: 'tok_visa' }, email: 'late@example.com' } });
      const posted = await call(server.url, 'POST', `/v1/admin/shows/${showId}/messages`, { token: ADMIN, body: { subject: 'Later', body: 'Sent once the server is up.' } });
      expect(posted.status).toBe(201);
      const url = server.url;
      // Not delivered while nothing listens: the worker is retrying (its log says so).
      await eventually(async () => /SMTP not available/.test(server!.output()), 15_000, 'a failed try');
      expect((await call(url, 'GET', `/v1/admin/shows/${showId}/messages`, { token: ADMIN })).body.items[0].email.completed).toBe(false);
      const up = await SmtpSink.start(port);
      try {
        await eventually(async () => (await call(url, 'GET', `/v1/admin/shows/${showId}/messages`, { token: ADMIN })).body.items[0].email.completed === true, 30_000, 'delivery');
        expect(up.accepted.filter((m) => m.subject === 'Later' && m.to.includes('late@example.com'))).toHaveLength(1);
      } finally {
        await up.stop();
      }
      await killServer(server);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
