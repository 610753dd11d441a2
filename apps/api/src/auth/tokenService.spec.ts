import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from './tokenService';

describe('TokenService customer tokens', () => {
  let dirs: string[];
  const service = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    dirs.push(dir);
    return TokenService.open(dir, 'an-admin-token');
  };
  beforeEach(() => (dirs = []));
  afterEach(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('proves the customer it was issued to, the first time and every time after', () => {
    const tokens = service();
    const { customerId, token } = tokens.issueCustomer();
    expect(tokens.verifyCustomer(token)).toBe(customerId);
    expect(tokens.verifyCustomer(token)).toBe(customerId);
  });

  it('names the minting region in the customer id on a topology, and nothing without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    dirs.push(dir);
    const regional = TokenService.open(dir, 'an-admin-token', 'us-east').issueCustomer();
    expect(regional.customerId).toMatch(/^[0-9a-f-]{36}\.us-east$/);
    expect(TokenService.open(dir, 'an-admin-token', 'us-east').verifyCustomer(regional.token)).toBe(regional.customerId);
    expect(service().issueCustomer().customerId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a token signed with another secret, a changed payload, or a changed, cut or padded signature', () => {
    const tokens = service();
    const { token } = tokens.issueCustomer();
    const [payload, signature] = token.split('.');
    const other = service().issueCustomer().token;
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const forged = [
      other,
      `${flip(payload, 5)}.${signature}`,
      `${payload}.${flip(signature, 10)}`,
      `${payload}.${signature.slice(0, -2)}`,
      `${payload}.${signature}AA`,
      `${payload}.${signature}=`,
      `${payload}.${signature}!`,
      `${payload}.`,
      `.${signature}`,
      `${payload}.${signature}.${signature}`,
      'x'.repeat(600),
    ];
    for (const attempt of forged) expect([attempt, tokens.verifyCustomer(attempt)]).toEqual([attempt, undefined]);
    // The real one still works after all of that.
    expect(tokens.verifyCustomer(token)).toBeDefined();
  });
});
