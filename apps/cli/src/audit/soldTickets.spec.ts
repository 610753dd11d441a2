import type { RecordedEvent } from '@app/event-store';
import { exportHeader, exportLine, soldTickets } from './soldTickets';

const sale: RecordedEvent = {
  id: 'e1',
  streamId: 'inventory-show-1-s3',
  type: 'TicketsSold',
  data: {
    holdId: 'h1',
    orderId: 'o1',
    customerId: 'c1',
    soldAt: '2027-01-15T10:00:00.5+01:00',
    tickets: [
      { ticketId: 't1', seatId: 'A-1-1', tier: 'vip', price: 9000, currency: 'EUR' },
      { ticketId: 't2', seatId: 'A,"1"-2', tier: 'vip', price: 9000, currency: 'EUR' },
    ],
  },
  metadata: {},
  streamRevision: 4n,
  position: 12n,
  created: new Date(),
};

describe('sold-ticket export rows', () => {
  it('take the show from the stream when the metadata lacks it, and print soldAt in UTC with milliseconds', () => {
    expect(soldTickets(sale)[0]).toEqual({
      ticketId: 't1',
      showId: 'show-1',
      seatId: 'A-1-1',
      ticketNumber: null,
      tier: 'vip',
      price: 9000,
      currency: 'EUR',
      customerId: 'c1',
      orderId: 'o1',
      soldAt: '2027-01-15T09:00:00.500Z',
    });
  });

  it('write CSV with a header, quoting what needs it, and one JSON object per NDJSON line', () => {
    const [first, second] = soldTickets(sale);
    expect(exportHeader('csv')).toBe('ticketId,showId,seatId,ticketNumber,tier,price,currency,customerId,orderId,soldAt\n');
    expect(exportLine(first, 'csv')).toBe('t1,show-1,A-1-1,,vip,9000,EUR,c1,o1,2027-01-15T09:00:00.500Z\n');
    expect(exportLine(second, 'csv')).toBe('t2,show-1,"A,""1""-2",,vip,9000,EUR,c1,o1,2027-01-15T09:00:00.500Z\n');
    expect(exportHeader('ndjson')).toBe('');
    expect(JSON.parse(exportLine(first, 'ndjson'))).toEqual(first);
  });
});
