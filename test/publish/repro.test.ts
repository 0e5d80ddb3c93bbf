import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./scripts/release-digest.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const run = (env: Record<string, string>) => execFileSync(tsx, [script], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split(' ');

describe('reproducible bytes', () => {
  it('are the same under two time zones and locales', () => {
    const [a, offA] = run({ TZ: 'Pacific/Kiritimati', LANG: 'ar_SY.UTF-8', LC_ALL: 'ar_SY.UTF-8' });
    const [b, offB] = run({ TZ: 'America/Los_Angeles', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    expect(offA).not.toBe(offB); // the two children really ran in different zones
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
  }, 60_000);
});
