import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { SoldTicket } from '@app/domain';
import { ReadDatabase } from '../readDatabase';
import { SalesAuditProjection, packTickets, saleItems } from './salesAuditProjection';
import { SalesQueries } from './salesQueries';

let position = 0n;
function sold(showId: string, orderId: string, numbers: number[], customerId = `c-${orderId}`): RecordedEvent {
  position++;
  const tickets: SoldTicket[] = numbers.map((n) => ({ ticketId: `${showId}-t${n}`, ticketNumber: n, tier: 'regular', price: 1_000 + n, currency: 'EUR' }));
  return {
    id: `e${position}`,
    streamId: `inventory-${showId}-s0`,
    type: 'TicketsSold',
    data: { holdId: `h-${orderId}`, orderId, customerId, soldAt: `2027-01-01T00:00:0${Number(position % 10n)}.000Z`, tickets },
    metadata: { showId, shardId: 's0' },
    streamRevision: position,
    position,
    created: new Date(0),
  };
}

describe('the sales table', () => {
  const indexes = (db: Database.Database) =>
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('sales')`)
      .all()
      .map((i) => i.name)
      .sort();

  it('has an index per read: by show for the audit pages, by customer for orders', () => {
    const db = new Database(':memory:');
    new SalesAuditProjection().setup(db);
    expect(indexes(db)).toEqual(['sales_by_customer', 'sales_by_show']);
  });

  it('replaces a table of one row per ticket (version 1) and its indexes', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE sales (seq INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL, show_id TEXT NOT NULL, order_id TEXT NOT NULL, customer_id TEXT NOT NULL);
      CREATE UNIQUE INDEX sales_ticket__k2x ON sales(ticket_id); CREATE INDEX sales_by_order ON sales(order_id);
      INSERT INTO sales VALUES (1, 't1', 's', 'o', 'c')`);
    new SalesAuditProjection().setup(db);
    expect(indexes(db)).toEqual(['sales_by_customer', 'sales_by_show']);
    expect(db.prepare('SELECT COUNT(*) FROM sales').pluck().get()).toBe(0);
  });

  it('keeps one row per sale with its tickets, numbered per show in the order sold', () => {
    const db = new Database(':memory:');
    const projection = new SalesAuditProjection();
    projection.setup(db);
    for (const event of [sold('a', 'o1', [1, 2, 3]), sold('b', 'o2', [7]), sold('a', 'o3', [4, 5])]) projection.apply(db, event);
    const rows = db.prepare('SELECT show_id, order_id, first_ticket, tickets, total, currency FROM sales ORDER BY seq').all();
    expect(rows).toEqual([
      { show_id: 'a', order_id: 'o1', first_ticket: 1, tickets: 3, total: 3_006, currency: 'EUR' },
      { show_id: 'b', order_id: 'o2', first_ticket: 1, tickets: 1, total: 1_007, currency: 'EUR' },
      { show_id: 'a', order_id: 'o3', first_ticket: 4, tickets: 2, total: 2_009, currency: 'EUR' },
    ]);
  });
});

describe('the audit pages and orders over the sales table', () => {
  let dir: string;
  let readDb: ReadDatabase;
  let queries: SalesQueries;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sales-pages-'));
    readDb = ReadDatabase.open(dir);
    queries = new SalesQueries(readDb);
    const projection = new SalesAuditProjection();
    // Show a: tickets 1..20 in sales of 1 to 5, show b in between; customer c-x buys twice, once across two shards.
    const events = [
      sold('a', 'o1', [11, 12, 13]),
      sold('b', 'o2', [1, 2]),
      sold('a', 'o3', [14], 'c-x'),
      sold('a', 'o4', [15, 16, 17, 18, 19]),
      sold('a', 'o5', [20, 21]),
      sold('a', 'o6', [22, 23, 24, 25], 'c-x'),
      sold('a', 'o6', [26, 27, 28, 29, 30], 'c-x'),
    ];
    readDb.writer.transaction(() => {
      for (const event of events) projection.apply(readDb.writer, event);
    })();
  });

  afterAll(async () => {
    await readDb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const numbers = (rows: ReturnType<SalesQueries['sales']>) => rows.map((r) => r.ticket.ticketNumber);

  it('pages through a show ticket by ticket from any place, whatever the sizes of the sales', () => {
    expect(numbers(queries.sales('a', 0, 2))).toEqual([11, 12]);
    expect(queries.sales('a', 0, 2).map((r) => r.place)).toEqual([1, 2]);
    expect(numbers(queries.sales('a', 2, 3))).toEqual([13, 14, 15]);
    expect(numbers(queries.sales('a', 5, 100))).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(queries.sales('a', 19, 5).map((r) => r.place)).toEqual([20]);
    expect(queries.sales('a', 20, 5)).toEqual([]);
    expect(numbers(queries.sales('b', 0, 10))).toEqual([1, 2]);
    expect(queries.sales('nope', 0, 10)).toEqual([]);
  });

  it('walks the whole show with each page starting after the last place seen', () => {
    for (const limit of [1, 2, 3, 7]) {
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const page = queries.sales('a', after, limit);
        seen.push(...numbers(page).map(Number));
        if (page.length < limit) break;
        after = page[page.length - 1].place;
      }
      expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
    }
  });

  it('puts an order sold across shards back together, and lists a customer’s orders newest first', () => {
    const order = queries.order('c-x', 'o6')!;
    expect(order.tickets.map((t) => t.ticketNumber)).toEqual([22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(order.total).toBe(order.tickets.reduce((sum, t) => sum + t.price, 0));
    expect(queries.order('someone-else', 'o6')).toBeUndefined();
    expect(queries.customerOrders('c-x').map((o) => o.orderId)).toEqual(['o6', 'o3']);
  });
});

describe('packed tickets', () => {
  it('give back exactly the tickets recorded: numbered, seated, both, neither', () => {
    const tickets: SoldTicket[] = [
      { ticketId: 't1', ticketNumber: 0, tier: 'regular', price: 0, currency: 'EUR' },
      { ticketId: 't2', seatId: 'A-1-1', tier: 'vip', price: 25_000, currency: 'USD' },
      { ticketId: 't3', seatId: 'B-2-2', ticketNumber: 7, tier: 'vip', price: 1, currency: 'EUR' },
      { ticketId: 't4', tier: 'odd "tier", with [brackets]', price: 5, currency: 'GBP' },
    ];
    expect(saleItems({ items: packTickets(tickets) })).toEqual(tickets);
    expect(saleItems({ items: packTickets([]) })).toEqual([]);
  });
});
