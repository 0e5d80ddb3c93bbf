// Progress of a long run: documents done, rate and ETA. On a terminal one line is redrawn with
// \r; when piped or in CI (CI set) it prints whole lines, one per tenth of the work, so logs stay
// short and diffable. The clock is the caller's (runner code); formatting is pure.

export interface ProgressState {
  done: number;
  total: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/** `412/9800 docs (4%) 215.3 docs/s ETA 44s`: rate and ETA once there is something to measure. */
export function formatProgress(label: string, s: ProgressState): string {
  const pct = s.total > 0 ? Math.floor((100 * s.done) / s.total) : 100;
  let line = `${label}: ${s.done}/${s.total} docs (${pct}%)`;
  if (s.done > 0 && s.elapsedMs > 0) {
    const rate = (1000 * s.done) / s.elapsedMs;
    line += ` ${rate.toFixed(1)} docs/s`;
    if (s.done < s.total) line += ` ETA ${formatDuration((1000 * (s.total - s.done)) / rate)}`;
    else line += ` in ${formatDuration(s.elapsedMs)}`;
  }
  return line;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export interface ProgressOptions {
  label?: string;
  /** Where to write (default: process.stderr). */
  stream?: { write(s: string): unknown; isTTY?: boolean };
  /** Redraw one line (default: the stream is a TTY and CI is not set). */
  interactive?: boolean;
  /** Milliseconds from some fixed origin (default: performance.now). */
  now?: () => number;
  /** Least time between two redraws on a terminal. */
  redrawMs?: number;
}

export interface Progress {
  /** Reports `done` of `total`; the shape of `BuildOptions.onProgress`. */
  update(done: number, total: number): void;
  /** Ends the line on a terminal; prints the final line if it was not printed yet. */
  finish(): void;
}

export function createProgress(opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const label = opts.label ?? 'map';
  const interactive = opts.interactive ?? (stream.isTTY === true && !process.env.CI);
  const now = opts.now ?? (() => performance.now());
  const redrawMs = opts.redrawMs ?? 100;
  const start = now();
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let last: ProgressState | undefined;
  let finalPrinted = false;
  const line = (s: ProgressState) => formatProgress(label, s);
  return {
    update(done, total) {
      const t = now();
      last = { done, total, elapsedMs: t - start };
      if (interactive) {
        if (t - lastDraw < redrawMs && done < total) return;
        lastDraw = t;
        stream.write(`\r${line(last)}\x1b[K`);
        finalPrinted = done >= total;
        return;
      }
      const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      stream.write(`${line(last)}\n`);
      finalPrinted = done >= total;
    },
    finish() {
      if (!last) return;
      if (!finalPrinted) stream.write(interactive ? `\r${line(last)}\x1b[K` : `${line(last)}\n`);
      if (interactive) stream.write('\n');
      finalPrinted = true;
    },
  };
}
