import { describe, expect, it } from 'vitest';
import { tag } from './helpers.ts';

// Text that must yield no temporal expression (or none with a calendar value).
const NONE = [
  'Around 1,500-2,000 people left the district.',
  'The 4th Armoured Division and the 556th SF regiment moved in.',
  'He said they may attack, and troops would march on the city.',
  'The car carried 1200 rounds and 300 kg of explosives.',
  'Casualties rose to 611 civilians and 42 soldiers.',
  'The Saturday Market area and the Friday Mosque were shelled.',
  'The fall of Baba Amr shocked the opposition.',
];

describe('negatives', () => {
  for (const text of NONE) {
    it(`nothing calendar-valued in: ${text}`, () => {
      expect(tag(text).filter((e) => e.val && /^(BC)?\d/.test(e.val)).map((e) => e.text)).toEqual([]);
    });
  }
});
