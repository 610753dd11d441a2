/** A counting semaphore: at most `size()` holders at once, the others wait in arrival order. */
export class Slots {
  private taken = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: () => number) {}

  /** Resolves with the function that gives the slot back (calling it twice is harmless). */
  async take(): Promise<() => void> {
    if (this.taken >= this.size()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.taken++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `taken` stays as it is.
      if (next) next();
      else this.taken--;
    };
  }
}
