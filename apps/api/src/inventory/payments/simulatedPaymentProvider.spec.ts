import { REMEMBERED_CHARGES, SimulatedPaymentProvider } from './simulatedPaymentProvider';

describe('the simulated payment provider', () => {
  const charge = (provider: SimulatedPaymentProvider, idempotencyKey: string, token = 'tok_visa') => provider.charge({ token, amount: 100, currency: 'EUR', idempotencyKey });

  it('answers a retry with the first outcome, whatever the token says now', async () => {
    const provider = new SimulatedPaymentProvider();
    const first = await charge(provider, 'k1');
    expect(first).toMatchObject({ status: 'approved', chargeId: expect.stringMatching(/^ch_/) });
    expect(await charge(provider, 'k1', 'tok_declined')).toEqual(first);
    expect(await charge(provider, 'k2', 'tok_declined')).toEqual({ status: 'declined', reason: 'card_declined' });
    expect(await charge(provider, 'k3', 'tok_nope')).toEqual({ status: 'invalid_token' });
  });

  it('remembers a bounded number of keys, forgetting the oldest first', async () => {
    const provider = new SimulatedPaymentProvider();
    await charge(provider, 'oldest');
    for (let i = 1; i < REMEMBERED_CHARGES; i++) await charge(provider, `k${i}`);
    // Still within the bound: the retry gets the first outcome.
    expect((await charge(provider, 'oldest', 'tok_declined')).status).toBe('approved');
    await charge(provider, 'one-more');
    // One past the bound: the oldest key is forgotten, the newest kept.
    expect((await charge(provider, 'oldest', 'tok_declined')).status).toBe('declined');
    expect((await charge(provider, 'one-more', 'tok_declined')).status).toBe('approved');
  });
});
