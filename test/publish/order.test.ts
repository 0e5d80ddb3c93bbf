import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedOrder } from '../../pipeline/publish/order.ts';

/** The order sortedOrder promises, by a comparator: strings by `<`, equal ones by index. */
const byComparator = (keys: string[]) =>
  [...keys.keys()].sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));

describe('sortedOrder', () => {
  it('orders statement-like ids as a comparator sort does', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `s${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}${(i % 97).toString(16)}`);
    expect([...sortedOrder(ids)]).toEqual(byComparator(ids));
  });

  it('orders any strings as `<` does, equal strings by index: prefixes, duplicates, empty, non-ASCII, lone surrogates, NUL', () => {
    const unit = fc.constantFrom('', 'a', 'b', 'z', '~', '\u007f', '\u0000', '\u0001', 'é', '\u00ff', '\ud83d', '\ude00', '\uffff', 's0', 's00');
    const str = fc.array(unit, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(str, { maxLength: 300 }), (keys) => {
        expect([...sortedOrder(keys)]).toEqual(byComparator(keys));
      }),
      { numRuns: 300 },
    );
  });

  it('separates strings that differ only after their seventh code unit', () => {
    const keys = ['s000000b', 's000000a', 's000000', 's000000a', 's0000001'];
    expect([...sortedOrder(keys)].map((i) => keys[i])).toEqual(['s000000', 's0000001', 's000000a', 's000000a', 's000000b']);
    expect([...sortedOrder(keys)]).toEqual([2, 4, 1, 3, 0]);
  });

  it('is empty for no strings', () => {
    expect(sortedOrder([]).length).toBe(0);
  });
});
