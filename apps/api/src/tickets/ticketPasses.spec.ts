import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TicketPasses } from './ticketPasses';

const TICKET = '0b3c7a52-8d0e-5f2a-9b1c-2d3e4f5a6b7c';

describe('ticket passes', () => {
  const passes = new TicketPasses(Buffer.from('a-secret-shared-by-every-region-0123456789'));

  it('reads back what it signed, and stays short enough for a small QR code', () => {
    const pass = passes.passOf('show-1', 's3', TICKET);
    expect(passes.read(pass)).toEqual({ kind: 'valid', showId: 'show-1', shardId: 's3', ticketId: TICKET });
    expect(pass.length).toBeLessThanOrEqual(120);
  });

  it('is verified by any process that shares the secret, and by none that does not', () => {
    const pass = passes.passOf('show-1', 's3', TICKET);
    expect(new TicketPasses(Buffer.from('a-secret-shared-by-every-region-0123456789')).read(pass).kind).toBe('valid');
    expect(new TicketPasses(Buffer.from('another-secret-of-another-installation-01')).read(pass)).toEqual({ kind: 'invalid_signature', showId: 'show-1' });
  });

  it('refuses a payload whose ticket, shard or show was changed after signing', () => {
    const pass = passes.passOf('show-1', 's3', TICKET);
    const signature = pass.split('.')[4];
    for (const altered of [`T1.show-1.s3.${TICKET.replace('0b3c', '0b3d')}.${signature}`, `T1.show-1.s4.${TICKET}.${signature}`, `T1.show-2.s3.${TICKET}.${signature}`]) {
      expect(passes.read(altered).kind).toBe('invalid_signature');
    }
  });

  it('signs with a key per show: one show\'s signature never verifies for another', () => {
    const a = passes.passOf('show-1', 's0', 't1').split('.')[4];
    const b = passes.passOf('show-2', 's0', 't1').split('.')[4];
    expect(a).not.toBe(b);
  });

  it.each([
    ['an empty payload', ''],
    ['a bare ticket id (the old QR code)', TICKET],
    ['another version', `T2.show-1.s3.${TICKET}.AAAAAAAAAAAAAAAAAAAAAA`],
    ['a short signature', `T1.show-1.s3.${TICKET}.AAAA`],
    ['a part too many', `T1.show-1.s3.x.${TICKET}.AAAAAAAAAAAAAAAAAAAAAA`],
    ['a URL', 'https://example.com/ticket/1'],
  ])('calls %s malformed', (_, payload) => {
    expect(passes.read(payload).kind).toBe('malformed');
  });

  it('keeps a generated secret in DATA_DIR, so a restart verifies the tickets it sold before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passes-'));
    try {
      const pass = TicketPasses.open(dir, undefined).passOf('show-1', 's0', TICKET);
      expect(TicketPasses.open(dir, undefined).read(pass).kind).toBe('valid');
      expect(TicketPasses.open(dir, 'y'.repeat(32)).read(pass).kind).toBe('invalid_signature');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
