import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatProgress } from '../../pipeline/progress.ts';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (s: string) => chunks.push(s) } };
}

/** A fake clock: each call is `step` ms after the previous one. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('progress', () => {
  it('reports rate and ETA from the counts and elapsed time', () => {
    expect(formatProgress('map', { done: 50, total: 200, elapsedMs: 10_000 })).toBe('map: 50/200 docs (25%) 5.0 docs/s ETA 30s');
    expect(formatProgress('map', { done: 200, total: 200, elapsedMs: 125_000 })).toBe('map: 200/200 docs (100%) 1.6 docs/s in 2m05s');
    expect(formatProgress('map', { done: 0, total: 10, elapsedMs: 0 })).toBe('map: 0/10 docs (0%)');
    expect(formatDuration(3_723_000)).toBe('1h02m');
  });

  it('is line-oriented when not a TTY: whole lines, at most one per tenth, the last at 100%', () => {
    const { chunks, stream } = sink(false);
    const p = createProgress({ stream, now: ticking(5) });
    for (let i = 1; i <= 1000; i++) p.update(i, 1000);
    p.finish();
    const text = chunks.join('');
    expect(text).not.toContain('\r');
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.every((l) => /^map: \d+\/1000 docs \(\d+%\)/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^map: 1000\/1000 docs \(100%\)/);
  });

  it('is line-oriented on a TTY when CI is set', () => {
    const was = process.env.CI;
    process.env.CI = 'true';
    try {
      const { chunks, stream } = sink(true);
      const p = createProgress({ stream, now: ticking(5) });
      for (let i = 1; i <= 20; i++) p.update(i, 20);
      p.finish();
      expect(chunks.join('')).not.toContain('\r');
    } finally {
      if (was === undefined) delete process.env.CI;
      else process.env.CI = was;
    }
  });

  it('redraws one line on a terminal, throttled, and ends it', () => {
    const { chunks, stream } = sink(true);
    const p = createProgress({ stream, interactive: true, now: ticking(10), redrawMs: 100 });
    for (let i = 1; i <= 100; i++) p.update(i, 100);
    p.finish();
    expect(chunks.every((c) => c.startsWith('\r') || c === '\n')).toBe(true);
    expect(chunks.length).toBeLessThan(20);
    expect(chunks.at(-1)).toBe('\n');
    expect(chunks.at(-2)).toContain('100/100');
  });
});
