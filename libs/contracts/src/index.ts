/**
 * The HTTP API's contract: every request and answer body as a zod schema, their types
 * (`z.infer`), and the error codes. The server's views are typed from here, its OpenAPI
 * description is generated from here, and the web pages use the client generated from
 * that description — so all three say the same thing.
 */
export * from './common';
export * from './errors';
export * from './catalog';
export * from './inventory';
export * from './waitlist';
export * from './admin';
export * from './analytics';
export * from './prices';
export * from './checkin';
export * from './accounts';
export * from './messages';
export * from './onsale';
export * from './receipts';
