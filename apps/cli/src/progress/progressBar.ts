/**
 * A one-line progress bar on stderr, so stdout stays clean for exports. Only on a
 * terminal: piped or in CI it prints nothing.
 */
export class ProgressBar {
  private readonly enabled: boolean;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY);
  }

  update(current: number, detail = '', total = this.total): void {
    this.total = total;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.draw(current, detail);
  }

  done(current: number, detail = ''): void {
    if (!this.enabled) return;
    this.draw(current, detail);
    this.stream.write('\n');
  }

  private draw(current: number, detail: string): void {
    const ratio = this.total > 0 ? Math.min(1, current / this.total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const line = `${this.label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${detail}`;
    const columns = this.stream.columns || 120;
    // Back to the start of the line, draw, clear what a longer line left behind.
    this.stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
  }
}
