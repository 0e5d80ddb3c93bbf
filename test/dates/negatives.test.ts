import { describe, expect, it } from 'vitest';
import { tag } from './helpers.ts';

// Text that must yield no temporal expression (or none with a calendar value).
const NONE = [
  'Around 1,500-2,000 people left the district.',
  'The 4th Armoured Division and the 556th SF regiment moved in.',
  'He said they may attack, and troops would march on the city.',
  'The car carried 1200 rounds and 300 kg of explosives.',
  'Casualties rose to 611 civilians and 42 soldiers.',
  'The conflict resulted in the deaths of 649 Argentine military personnel.',
  'Somewhere between 776 and 983 Israelis died.',
  'The Saturday Market area and the Friday Mosque were shelled.',
  'The fall of Baba Amr shocked the opposition.',
  'The March to Versailles began in the rain.',
  "After Sherman's March through Georgia there were no major battles along the March.",
  'The Assembly rejected double representation by a vote of 111 to 333.',
  'The revolt took between 117 000 and 250 000 lives.',
  'An armed rural insurrection, known as the Autumn Harvest Uprising, was staged.',
  'Finland fought the Winter War alone.',
];

describe('the month where a march or a count looks like one', () => {
  it('the March is still the month before a date or another month', () => {
    const vals = (text: string) => tag(text).filter((e) => e.val && /^\d/.test(e.val)).map((e) => `${e.text}=${e.val}`);
    expect(vals('In the March 1917 revolution the Tsar fell.')).toEqual(['March 1917=1917-03']);
    expect(vals('The army rested in 1917. The March elections were held.')).toEqual(['1917=1917', 'March=1917-03']);
    expect(vals('In 1917 the March, April and May offensives failed.')).toEqual(['1917=1917', 'March=1917-03', 'April=1917-04', 'May=1917-05']);
  });
  it('fall is the season before a word of a season\'s business, not in the fall of a city', () => {
    expect(tag("In 1863, after Meade's inconclusive fall campaign, Lincoln turned west.").map((e) => `${e.text}=${e.val}`)).toEqual(['1863=1863', 'fall=1863-FA']);
    expect(tag('In 1863 the autumn offensive stalled.').map((e) => e.val)).toEqual(['1863', '1863-FA']);
    expect(tag('In 2012 the fall of Baba Amr shocked the opposition.').map((e) => e.val)).toEqual(['2012']);
  });
  it('a capitalised season is still one with a year or alone', () => {
    expect(tag('In the Spring of 1862 the army moved. Winter came early.').map((e) => e.val)).toEqual(['1862-SP', '1863-WI']);
  });
  it('a three-digit year still reads as one after a preposition', () => {
    expect(tag('The Persians returned in 480 and burned the city.').map((e) => e.val)).toContain('0480');
  });
});

describe('negatives', () => {
  for (const text of NONE) {
    it(`nothing calendar-valued in: ${text}`, () => {
      expect(tag(text).filter((e) => e.val && /^(BC)?\d/.test(e.val)).map((e) => e.text)).toEqual([]);
    });
  }
});
