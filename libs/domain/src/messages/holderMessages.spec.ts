import { givenWhenThen } from '../testing';
import { holderMessagesDecider } from './holderMessagesDecider';
import type { HolderMessageCommand, HolderMessagePosted } from './holderMessageEvents';

const spec = givenWhenThen(holderMessagesDecider);
const T0 = Date.parse('2026-06-01T18:00:00.000Z');
const TIERS = ['standard', 'vip'];

const post = (extra: Partial<HolderMessageCommand['data']> = {}): HolderMessageCommand => ({
  type: 'PostHolderMessage',
  data: { messageId: 'm1', showId: 'show-1', subject: 'Doors open at 19:00', body: 'Please come early.', showTiers: TIERS, now: T0, ...extra },
});
const posted = (extra: Partial<HolderMessagePosted['data']> = {}): HolderMessagePosted => ({
  type: 'HolderMessagePosted',
  data: { messageId: 'm1', showId: 'show-1', subject: 'Doors open at 19:00', body: 'Please come early.', postedAt: '2026-06-01T18:00:00.000Z', ...extra },
});

describe('messages to ticket holders', () => {
  it('a message to every holder of the show is posted', () => {
    spec.given([]).when(post()).then([posted()]);
  });

  it('a message to the holders of one tier names the tier', () => {
    spec.given([]).when(post({ tier: 'vip' })).then([posted({ tier: 'vip' })]);
  });

  it('the subject and body are stored trimmed', () => {
    spec.given([]).when(post({ subject: '  Doors open at 19:00 ', body: '\nPlease come early.\n' })).then([posted()]);
  });

  it('the same message id again is a retry: nothing more is written', () => {
    spec.given([posted()]).when(post()).then([]);
  });

  it('an empty body is refused, naming the body', () => {
    spec.given([]).when(post({ body: '   ' })).thenThrows('invalid_request', (d) => d.field === 'body');
  });

  it('an empty subject is refused, naming the subject', () => {
    spec.given([]).when(post({ subject: '' })).thenThrows('invalid_request', (d) => d.field === 'subject');
  });

  it('a body over 5,000 characters is refused', () => {
    spec.given([]).when(post({ body: 'x'.repeat(5_001) })).thenThrows('invalid_request', (d) => d.field === 'body' && d.max === 5_000);
  });

  it('a subject of two lines is refused (it would forge email headers)', () => {
    spec.given([]).when(post({ subject: 'Hello\r\nBcc: everyone@example.com' })).thenThrows('invalid_request', (d) => d.field === 'subject');
  });

  it('a body keeps its line breaks', () => {
    spec.given([]).when(post({ body: 'Line one\nLine two' })).then([posted({ body: 'Line one\nLine two' })]);
  });

  it('a tier the show does not have is refused, naming the tier', () => {
    spec.given([]).when(post({ tier: 'balcony' })).thenThrows('invalid_request', (d) => d.field === 'tier');
  });
});
