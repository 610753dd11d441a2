/// <reference lib="webworker" />
import { searchNonce } from './sha256';

/** Solves a proof-of-work off the page's thread: `{ challenge, difficulty }` in, `{ nonce }` out. */
self.onmessage = (message: MessageEvent<{ challenge: string; difficulty: number }>) => {
  const { challenge, difficulty } = message.data;
  let from = 0;
  for (;;) {
    const nonce = searchNonce(challenge, difficulty, from, 100_000);
    if (nonce !== undefined) {
      self.postMessage({ nonce });
      return;
    }
    from += 100_000;
  }
};
