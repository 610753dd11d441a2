import { renderReceipt, ticketName, venueTime } from './receiptEmail';

const show = {
  eventId: 'movie-the-long-night',
  eventName: 'The Long Night',
  venueName: 'Cinema Hall 1',
  cityName: 'Amsterdam',
  startsAt: '2026-12-04T17:00:00.000Z',
  timeZone: 'Europe/Amsterdam',
};

describe('the receipt email', () => {
  it("names times on the venue's clock with the zone, whatever the server's zone", () => {
    expect(venueTime('2026-12-04T17:00:00.000Z', 'Europe/Amsterdam')).toBe('Fri 4 Dec 2026, 18:00 CET');
    expect(venueTime('2026-07-04T17:00:00.000Z', 'Europe/Amsterdam')).toBe('Sat 4 Jul 2026, 19:00 CEST');
    expect(venueTime('2026-12-04T17:00:00.000Z', 'America/New_York')).toBe('Fri 4 Dec 2026, 12:00 GMT-5');
  });

  it('names seats as the map does: the section by its name where a venue has several', () => {
    expect(ticketName({ seatId: 'HALL-C-7' }, new Map([['HALL', 'Hall 1']]))).toBe('Row C, seat 7');
    expect(ticketName({ seatId: 'F2-3-4' }, new Map([['F1', 'Floor 1'], ['F2', 'Floor 2']]))).toBe('Floor 2, row 3, seat 4');
    expect(ticketName({ ticketNumber: 17 }, new Map())).toBe('Ticket #17');
  });

  it('says the event, venue, date and time with the zone, each ticket, the total and the link', () => {
    const { subject, text } = renderReceipt({
      orderId: 'o-1',
      show,
      sections: new Map([['HALL', 'Hall 1']]),
      tickets: [
        { ticketId: 't1', seatId: 'HALL-C-7', tier: 'regular', price: 1250, currency: 'EUR' },
        { ticketId: 't2', seatId: 'HALL-C-8', tier: 'regular', price: 1250, currency: 'EUR' },
      ],
      total: 2500,
      currency: 'EUR',
      purchasedAt: '2026-11-20T09:15:00.000Z',
      link: 'https://tickets.example.com/receipts/R1.abc.def',
    });
    expect(subject).toBe('Your tickets: The Long Night, Cinema Hall 1, Fri 4 Dec 2026, 18:00 CET');
    expect(text).toContain('Cinema Hall 1, Amsterdam\nFri 4 Dec 2026, 18:00 CET (Europe/Amsterdam time)');
    expect(text).toContain('2 tickets:\n  Row C, seat 7 (regular): €12.50\n  Row C, seat 8 (regular): €12.50');
    expect(text).toContain('Total paid: €25.00, on Fri 20 Nov 2026, 10:15 CET');
    expect(text).toContain('\nhttps://tickets.example.com/receipts/R1.abc.def\n');
  });
});
