import type { FastifyRequest } from 'fastify';
import { ApiError } from './apiError';

/** Deeper than any request of ours; deeper still only costs the parser and the validator. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Request bodies are checked before JSON.parse sees them: bytes that are not UTF-8 and
 * nesting past MAX_JSON_DEPTH are refused with a 400 naming the problem, so neither a
 * replacement character nor a stack overflow can get any further.
 */
export function jsonBodyParser(parseJson: (text: string) => unknown) {
  return (_request: FastifyRequest, body: Buffer): unknown => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      throw new ApiError(400, 'invalid_utf8', 'The request body is not valid UTF-8');
    }
    if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'The request body is empty; send a JSON object');
    const depth = nestingDepth(text);
    if (depth > MAX_JSON_DEPTH) throw new ApiError(400, 'too_deep', `JSON nested ${depth} levels deep; at most ${MAX_JSON_DEPTH}`, { maxDepth: MAX_JSON_DEPTH });
    let parsed: unknown;
    try {
      parsed = parseJson(text);
    } catch (error) {
      throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}`);
    }
    // Every body this API takes is an object; anything else would reach the validators as nothing at all.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError(400, 'invalid_json', 'The request body must be a JSON object');
    return parsed;
  };
}

/** The deepest bracket nesting in a JSON text, ignoring brackets inside strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return deepest;
}
