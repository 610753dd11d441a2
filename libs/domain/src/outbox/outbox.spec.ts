import { givenWhenThen } from '../testing';
import { outboxDecider } from './outboxDecider';
import type { EmailFailed, EmailSent, OutboxCommand } from './outboxEvents';
import { outboxStream } from './outboxEvents';

const spec = givenWhenThen(outboxDecider);
const T0 = Date.parse('2026-06-01T18:00:00.000Z');
const AT = '2026-06-01T18:00:00.000Z';

const send = (emailId: string, recipient = `c-${emailId}`): OutboxCommand => ({ type: 'RecordEmailSent', data: { emailId, recipient, messageId: `<${emailId}@tickets>`, now: T0 } });
const fail = (emailId: string): OutboxCommand => ({ type: 'RecordEmailFailed', data: { emailId, recipient: `c-${emailId}`, reason: '550 no such user', now: T0 } });
const sent = (emailId: string): EmailSent => ({ type: 'EmailSent', data: { emailId, recipient: `c-${emailId}`, messageId: `<${emailId}@tickets>`, sentAt: AT } });
const failed = (emailId: string): EmailFailed => ({ type: 'EmailFailed', data: { emailId, recipient: `c-${emailId}`, reason: '550 no such user', at: AT } });
const complete: OutboxCommand = { type: 'CompleteMailing', data: { now: T0 } };

describe('the email outbox', () => {
  it('an email accepted by the SMTP server is marked sent', () => {
    spec.given([]).when(send('e1')).then([sent('e1')]);
  });

  it('an email already marked sent is never marked again (a crash between send and marker resends at most that one)', () => {
    spec.given([sent('e1')]).when(send('e1')).then([]);
  });

  it('an email the server refused for good is marked failed, and not sent later', () => {
    spec.given([]).when(fail('e1')).then([failed('e1')]);
    spec.given([failed('e1')]).when(send('e1')).then([]);
  });

  it('completing a mailing counts what was sent and what failed, once', () => {
    spec.given([sent('e1'), sent('e2'), failed('e3')]).when(complete).then([{ type: 'MailingCompleted', data: { sent: 2, failed: 1, at: AT } }]);
    spec.given([sent('e1'), { type: 'MailingCompleted', data: { sent: 1, failed: 0, at: AT } }]).when(complete).then([]);
  });

  it('a marker needs the email and its recipient', () => {
    spec.given([]).when(send('')).thenThrows('invalid_request', (d) => d.field === 'emailId');
  });

  it('each kind of mailing has its own streams', () => {
    expect(outboxStream('holder_message', 'm1')).toBe('outbox-holder_message-m1');
    expect(outboxStream('receipt', 'o1')).toBe('outbox-receipt-o1');
  });
});
