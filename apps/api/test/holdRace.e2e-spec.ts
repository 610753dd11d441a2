import { createTestApp, type TestApp } from './testApp';
import { createSeatedShow, eventually } from './inventoryFixtures';

describe('race: 500 customers, the same 50 seats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds each seat exactly once, refuses every loser with 409, and the audit lists each ticket once', async () => {
    const showId = await createSeatedShow(t);
    // Rows 1-5 of section A: 50 seats; ten customers race for each.
    const seats = [1, 2, 3, 4, 5].flatMap((row) => Array.from({ length: 10 }, (_, n) => `A-${row}-${n + 1}`));
    const customers = await Promise.all(Array.from({ length: 500 }, () => t.customer()));
    const attempts = await Promise.all(
      customers.map((c, i) => t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ seatIds: [seats[i % 50]] })),
    );
    const winners = attempts.map((r, i) => ({ r, c: customers[i] })).filter(({ r }) => r.status === 201);
    const losers = attempts.filter((r) => r.status !== 201);
    expect(winners).toHaveLength(50);
    expect(losers).toHaveLength(450);
    expect(losers.every((r) => r.status === 409 && r.body.error === 'seats_unavailable')).toBe(true);
    expect(new Set(winners.map(({ r }) => r.body.seatIds[0])).size).toBe(50);

    await eventually(async () => (await t.http.get(`/v1/shows/${showId}/availability`)).body.held === 50);
    const map = await t.http.get(`/v1/shows/${showId}/seats?section=A`).expect(200);
    const heldOnMap = map.body.filter((s: { status: string }) => s.status === 'held').map((s: { seatId: string }) => s.seatId);
    expect(heldOnMap.sort()).toEqual([...seats].sort());
    const availability = await t.http.get(`/v1/shows/${showId}/availability`).expect(200);
    expect(availability.body).toMatchObject({ held: 50, sold: 0, available: 50 });

    const purchases = await Promise.all(
      winners.map(({ r, c }) => t.http.post(`/v1/holds/${r.body.holdId}/purchase`).set('Authorization', c.auth).send({ payment: { token: 'tok_visa' } })),
    );
    expect(purchases.every((p) => p.status === 201)).toBe(true);

    await eventually(async () => (await t.http.get(`/v1/shows/${showId}/availability`)).body.sold === 50);
    const sales = await t.http.get(`/v1/audit/shows/${showId}/sales?limit=1000`).set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    const soldSeats = sales.body.items.map((s: { seatId: string }) => s.seatId);
    expect(soldSeats).toHaveLength(50);
    expect(new Set(soldSeats).size).toBe(50);
    expect(new Set(sales.body.items.map((s: { ticketId: string }) => s.ticketId)).size).toBe(50);
    const after = await t.http.get(`/v1/shows/${showId}/seats?section=A`).expect(200);
    expect(after.body.filter((s: { status: string }) => s.status === 'sold')).toHaveLength(50);
  });
});
