import 'reflect-metadata';
import type { ValidationPipe } from '@nestjs/common';
import { HoldRequestDto, PaymentDto, PurchaseRequestDto } from '../inventory/dto/holdRequest.dto';
import { strictValidationPipe } from './validation';

const withFastPaths = strictValidationPipe();
const rulesOnly = strictValidationPipe({ fastPaths: false });

type Outcome = { accepted: true; dto: unknown; classes: string[] } | { accepted: false; status: number; code: string; message: string; details: unknown };

async function outcome(pipe: ValidationPipe, body: unknown, metatype: new () => object): Promise<Outcome> {
  try {
    const dto = (await pipe.transform(structuredClone(body), { type: 'body', metatype })) as { payment?: object };
    return { accepted: true, dto, classes: [dto.constructor.name, ...(dto.payment ? [dto.payment.constructor.name] : [])] };
  } catch (error) {
    const e = error as { status: number; code: string; message: string; details: unknown };
    return { accepted: false, status: e.status, code: e.code, message: e.message, details: e.details };
  }
}

/** A small deterministic generator, so a failure names a body that can be tried again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABSENT = Symbol('absent');
/** Per field: values the rules accept, then values they refuse (or that sit right at a limit). */
const HOLD_VALUES: Record<string, { good: unknown[]; bad: unknown[] }> = {
  seatIds: {
    good: [ABSENT, ['A-1'], ['A-1', 'A-2'], Array(100).fill('s'), ['x'.repeat(64)]],
    bad: [[], Array(101).fill('s'), ['x'.repeat(65)], ['\u{1F600}'.repeat(33)], [1], ['A-1', null], 'A-1', null, { 0: 'A-1' }],
  },
  quantity: { good: [ABSENT, 1, 2, 10, 100], bad: [0, 101, -1, 1.5, '2', null, Number.NaN, Number.POSITIVE_INFINITY, true, [2]] },
  tier: { good: [ABSENT, 'general', 'VIP_1', 'x'.repeat(40)], bad: ['x'.repeat(41), '', 'a b', 5, null, ['vip']] },
  section: { good: [ABSENT, 'north', 'S-12'], bad: ['x'.repeat(41), '', 'ñ', 7, null] },
  extra: { good: [ABSENT], bad: [1, 'x', null] },
};

function holdBody(pick: (field: string, values: { good: unknown[]; bad: unknown[] }) => unknown): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(HOLD_VALUES)) {
    const value = pick(field, values);
    if (value !== ABSENT) body[field] = value;
  }
  return body;
}

describe('the validation pipe: hand-written fast paths accept only what the class-validator rules accept', () => {
  it('gives the same outcome as the rules alone for thousands of hold bodies, and takes the fast path for the usual ones', async () => {
    const next = random(20261124);
    const bodies: unknown[] = [null, 'quantity=2', [], [{ quantity: 2 }], Object.create(null) as object];
    const among = (values: unknown[]): unknown => values[Math.floor(next() * values.length)];
    for (let i = 0; i < 3_000; i++) bodies.push(holdBody((_, { good, bad }) => (next() < 0.8 ? among(good) : among(bad))));
    // One field changed at a time from { quantity: 2 }, so every value meets the others at their most ordinary.
    for (const [changed, { good, bad }] of Object.entries(HOLD_VALUES)) {
      for (const value of [...good, ...bad]) bodies.push(holdBody((field) => (field === changed ? value : field === 'quantity' ? 2 : ABSENT)));
    }
    let fast = 0;
    for (const body of bodies) {
      const expected = await outcome(rulesOnly, body, HoldRequestDto);
      expect({ body, outcome: await outcome(withFastPaths, body, HoldRequestDto) }).toEqual({ body, outcome: expected });
      if (HoldRequestDto.fastPath(body) !== undefined) {
        fast++;
        expect({ body, accepted: expected.accepted }).toEqual({ body, accepted: true });
      }
    }
    expect(HoldRequestDto.fastPath({ quantity: 2 })).toBeInstanceOf(HoldRequestDto);
    expect(HoldRequestDto.fastPath({ seatIds: ['A-1', 'A-2'] })).toBeInstanceOf(HoldRequestDto);
    expect(fast).toBeGreaterThan(500);
  });

  it('gives the same outcome as the rules alone for purchase bodies, payment included as its class', async () => {
    const bodies: unknown[] = [
      { payment: { token: 'tok_visa' } },
      { payment: { token: 'x'.repeat(100) } },
      { payment: { token: 'x'.repeat(101) } },
      { payment: { token: '' } },
      { payment: { token: 7 } },
      { payment: { token: null } },
      { payment: { token: 'tok_visa', extra: 1 } },
      { payment: {} },
      { payment: 'tok_visa' },
      { payment: null },
      { payment: [{ token: 'tok_visa' }] },
      { payment: { token: 'tok_visa' }, extra: true },
      {},
      null,
      [],
    ];
    for (const body of bodies) {
      const expected = await outcome(rulesOnly, body, PurchaseRequestDto);
      expect({ body, outcome: await outcome(withFastPaths, body, PurchaseRequestDto) }).toEqual({ body, outcome: expected });
    }
    const dto = PurchaseRequestDto.fastPath({ payment: { token: 'tok_visa' } });
    expect(dto).toBeInstanceOf(PurchaseRequestDto);
    expect(dto?.payment).toBeInstanceOf(PaymentDto);
  });
});
