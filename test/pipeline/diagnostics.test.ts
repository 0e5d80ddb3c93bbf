// Messages are kept to the end of a build: their strings are copies, equal to what they were made from.
import { describe, expect, it } from 'vitest';
import { detached, message } from '../../pipeline/diagnostics.ts';

describe('detached strings', () => {
  it('copy any string exactly, lone surrogates, NULs and non-ASCII included', () => {
    const text = `${'x'.repeat(10_000)} Ḥimṣ \u0000 \ud800 lone \udfff 😀 "quoted" \\ end`;
    for (const s of ['', 'a', text, text.slice(10_001), text.slice(10_001, 10_030)]) expect(detached(s)).toBe(s);
  });

  it("are what a message holds of the words it quotes, its reason and its pointer", () => {
    const text = `${'filler '.repeat(2000)}Qusayr al-\ud83d`;
    const quoted = text.slice(14_000);
    const m = message({ reason: `Unexpected ${quoted}`, ruleId: 'r', stage: 's', file: 'f', actual: quoted, expected: 'Qusayr', pointer: '/a/0' });
    expect(m).toEqual({ severity: 'error', reason: `Unexpected ${quoted}`, ruleId: 'r', stage: 's', file: 'f', actual: quoted, expected: 'Qusayr', pointer: '/a/0' });
  });
});
