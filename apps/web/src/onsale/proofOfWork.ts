import { searchNonce } from './sha256';

/**
 * The `Proof-Of-Work` header for a challenge: solved in a Web Worker so the page stays
 * responsive, or, where workers are unavailable, in slices between frames.
 */
export async function solveProofOfWork(challenge: string, difficulty: number): Promise<string> {
  const nonce = typeof Worker === 'function' ? await inWorker(challenge, difficulty).catch(() => inSlices(challenge, difficulty)) : await inSlices(challenge, difficulty);
  return `${challenge}:${nonce}`;
}

function inWorker(challenge: string, difficulty: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./powWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (message: MessageEvent<{ nonce: number }>) => {
      worker.terminate();
      resolve(message.data.nonce);
    };
    worker.onerror = (error) => {
      worker.terminate();
      reject(error);
    };
    worker.postMessage({ challenge, difficulty });
  });
}

async function inSlices(challenge: string, difficulty: number): Promise<number> {
  for (let from = 0; ; from += 20_000) {
    const nonce = searchNonce(challenge, difficulty, from, 20_000);
    if (nonce !== undefined) return nonce;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
