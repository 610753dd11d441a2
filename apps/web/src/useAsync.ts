import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from './api/messages';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

/** Loads once per change of `deps`; a result arriving after the page moved on is dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'done', value }),
      (error: unknown) => current && setResult({ state: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return result;
}

/**
 * Loads now and again `everyMs` after each answer, while `deps` stay the same: the last value
 * stays shown when a later load fails, beside the failure's message (null once a load succeeds).
 */
export function usePolling<T>(load: () => Promise<T>, deps: unknown[], everyMs: number): { value: T | undefined; error: string | null } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      try {
        const loaded = await load();
        if (stopped) return;
        setValue(loaded);
        setError(null);
      } catch (failure) {
        if (!stopped) setError(errorMessage(failure));
      }
      if (!stopped) timer = window.setTimeout(tick, everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, deps);
  return { value, error };
}
