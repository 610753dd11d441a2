import Database from 'better-sqlite3';
import { SalesAuditProjection } from './salesAuditProjection';

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

  it('loses the indexes of earlier read databases that nothing reads by, whatever a rebuild named them', () => {
    const db = new Database(':memory:');
    new SalesAuditProjection().setup(db);
    db.exec('CREATE UNIQUE INDEX sales_ticket__k2x ON sales(ticket_id); CREATE INDEX sales_by_order ON sales(order_id)');
    expect(indexes(db)).toHaveLength(4);
    new SalesAuditProjection().setup(db);
    expect(indexes(db)).toEqual(['sales_by_customer', 'sales_by_show']);
  });
});
