import type { paths } from './openapi';

/**
 * Type-level reading of the generated `paths` (openapi-typescript's output): which
 * operation a method and a path name, what it takes (path parameters, query, headers,
 * JSON body) and what it answers. `api()` in client.ts is typed with these, so a call
 * the API does not describe does not compile. Types only: nothing here exists at runtime.
 */

/** The HTTP methods the pages call with, as sent. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who a call is made as: the API's bearer tokens (the description does not say which call needs which). */
export type Auth = 'none' | 'customer' | 'admin';

/** `T[K]` when T has the key (an optional one reads as `… | undefined`), undefined when not. */
type Get<T, K extends PropertyKey> = K extends keyof T ? T[K] : undefined;

/** Whether `T` is nothing but undefined: how the generated types say "none" (`path?: never`). */
type IsNone<T> = [Exclude<T, undefined>] extends [never] ? true : false;

/** Shows an intersection of option fields as one object in editors and error messages. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The operation of `method path`; never when the description has none. */
export type Operation<M extends Method, P extends keyof paths> = Exclude<Get<paths[P], Lowercase<M>>, undefined>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;

/** A response's `application/json` body; undefined for one without a body (204); never for any other (an event stream). */
type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : R extends { content?: never } ? undefined : never;

/** What an operation answers on success: its 2xx JSON body, undefined for 204 No Content. */
export type Result<Op> = Op extends { responses: infer R } ? { [C in keyof R]: C extends SuccessStatus ? JsonBody<R[C]> : never }[keyof R] : never;

/** The paths with a JSON operation (or one without a body) for `method`: what `api(method, …)` accepts. */
export type PathsFor<M extends Method> = {
  [P in keyof paths]: [Operation<M, P>] extends [never] ? never : [Result<Operation<M, P>>] extends [never] ? never : P;
}[keyof paths];

/** The paths whose GET is a Server-Sent Events stream. */
export type StreamPaths = {
  [P in keyof paths]: Operation<'GET', P> extends { responses: { 200: { content: { 'text/event-stream': unknown } } } } ? P : never;
}[keyof paths];

type Parameters_<Op, K extends 'path' | 'query' | 'header'> = Get<Get<Op, 'parameters'>, K>;

/** The `{name}` values of an operation's path; never when it has none. */
export type PathParams<Op> = IsNone<Parameters_<Op, 'path'>> extends true ? never : Exclude<Parameters_<Op, 'path'>, undefined>;
export type QueryParams<Op> = IsNone<Parameters_<Op, 'query'>> extends true ? never : Exclude<Parameters_<Op, 'query'>, undefined>;
export type HeaderParams<Op> = IsNone<Parameters_<Op, 'header'>> extends true ? never : Exclude<Parameters_<Op, 'header'>, undefined>;

/** An option that the operation does not take may only be left out; one whose members are all optional may be left out. */
type Field<K extends string, T> = [T] extends [never] ? { [F in K]?: never } : {} extends T ? { [F in K]?: T } : { [F in K]: T };

type RequestBody<Op> = Get<Op, 'requestBody'>;

/** The JSON body an operation takes: required unless the description makes it optional; absent when it takes none. */
type BodyField<Op> =
  IsNone<RequestBody<Op>> extends true
    ? { body?: never }
    : Exclude<RequestBody<Op>, undefined> extends { content: { 'application/json': infer B } }
      ? undefined extends RequestBody<Op>
        ? { body?: B }
        : { body: B }
      : { body?: never };

/** The second argument of `api()` for an operation. */
export type CallOptions<Op> = Simplify<
  Field<'path', PathParams<Op>> & Field<'query', QueryParams<Op>> & BodyField<Op> & Field<'headers', HeaderParams<Op>> & { auth?: Auth }
>;

/**
 * The options may be left out when nothing in them is required (no path parameter, no
 * body). For a method and path the description does not have, the path is the error.
 */
export type CallArgs<Op> = [Op] extends [never] ? [options?: unknown] : {} extends CallOptions<Op> ? [options?: CallOptions<Op>] : [options: CallOptions<Op>];
