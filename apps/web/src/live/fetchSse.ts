import { authHeader, type Auth } from '../api/client';

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/**
 * Server-Sent Events over fetch, for streams that need an Authorization header
 * (EventSource cannot send one). Reconnects after a drop with Last-Event-ID, like
 * EventSource does, until closed.
 */
export function openFetchSse(url: string, auth: Auth, onMessage: (message: SseMessage) => void, onConnection: (live: boolean) => void): () => void {
  const controller = new AbortController();
  let lastId: string | undefined;
  let retryMs = 2000;

  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...(await authHeader(auth)) };
        if (lastId) headers['Last-Event-ID'] = lastId;
        const response = await fetch(url, { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onConnection(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const message = parseBlock(block);
            if (message.retry !== undefined) retryMs = message.retry;
            if (message.id !== undefined) lastId = message.id;
            if (message.data !== undefined) onMessage({ event: message.event ?? 'message', data: message.data, ...(message.id ? { id: message.id } : {}) });
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      onConnection(false);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void run();
  return () => controller.abort();
}

function parseBlock(block: string): { event?: string; data?: string; id?: string; retry?: number } {
  const out: { event?: string; data?: string; id?: string; retry?: number } = {};
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') out.event = value;
    else if (field === 'data') out.data = out.data === undefined ? value : `${out.data}\n${value}`;
    else if (field === 'id') out.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) out.retry = Number(value);
  }
  return out;
}
