import { givenWhenThen } from '../testing';
import { contactDecider, isEmailAddress, type ContactCommand, type ContactEmailGiven } from './contactEmail';

const spec = givenWhenThen(contactDecider);
const T0 = Date.parse('2026-06-01T18:00:00.000Z');
const give = (email: string, orderId = 'o1'): ContactCommand => ({ type: 'GiveContactEmail', data: { customerId: 'c1', orderId, email, now: T0 } });
const given = (email: string, orderId = 'o1'): ContactEmailGiven => ({ type: 'ContactEmailGiven', data: { customerId: 'c1', orderId, email, at: '2026-06-01T18:00:00.000Z' } });

describe('a customer\'s email address', () => {
  it('is recorded with the order it was given for', () => {
    spec.given([]).when(give('ann@example.com')).then([given('ann@example.com')]);
  });

  it('given again for the same order (a retried purchase) is written once', () => {
    spec.given([given('ann@example.com')]).when(give('ann@example.com')).then([]);
  });

  it('a new address with a later order is recorded too', () => {
    spec.given([given('ann@example.com')]).when(give('ann@example.org', 'o2')).then([given('ann@example.org', 'o2')]);
  });

  it('a malformed address is refused, naming the email field', () => {
    spec.given([]).when(give('ann@')).thenThrows('invalid_request', (d) => d.field === 'email');
  });

  it.each(['ann@example.com', 'a.b+tickets@sub.example.co.uk', "o'neil@example.ie"])('accepts %s', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each(['', 'ann', 'ann@example', '@example.com', 'ann@@example.com', 'ann @example.com', 'ann@example.com\r\nBcc: x@y.z', 'a..b@example.com', '.a@example.com', `${'a'.repeat(65)}@example.com`, 'ann@-example.com'])(
    'refuses %j',
    (email) => {
      expect(isEmailAddress(email)).toBe(false);
    },
  );
});
