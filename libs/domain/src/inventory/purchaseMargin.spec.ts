import { PURCHASE_MARGIN_MS, tooLateToPurchase } from './purchaseMargin';
import { T0, iso } from '../testing/inventoryFixtures';

describe('the purchase margin', () => {
  const expiresAt = iso(T0);

  it('allows a purchase with the margin or more left', () => {
    expect(tooLateToPurchase(expiresAt, T0 - 60_000)).toBe(false);
    expect(tooLateToPurchase(expiresAt, T0 - PURCHASE_MARGIN_MS)).toBe(false);
  });

  it('refuses a purchase with less than the margin left, or after the expiry', () => {
    expect(PURCHASE_MARGIN_MS).toBe(1_000);
    expect(tooLateToPurchase(expiresAt, T0 - PURCHASE_MARGIN_MS + 1)).toBe(true);
    expect(tooLateToPurchase(expiresAt, T0)).toBe(true);
    expect(tooLateToPurchase(expiresAt, T0 + 5_000)).toBe(true);
  });
});
