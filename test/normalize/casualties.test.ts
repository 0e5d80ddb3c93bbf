import { describe, expect, it } from 'vitest';
import { findCasualties, parseNumber } from '../../pipeline/normalize/casualties.ts';

const k = (text: string) => {
  const c = findCasualties(text).casualties;
  return [c.killedLow, c.killedHigh, c.killedText];
};

describe('killed ranges', () => {
  it('at least / more than / over -> low only', () => {
    expect(k('militants attacked two bases, killing at least 42 people')).toEqual([42, undefined, 'killing at least 42']);
    expect(k('more than 100 people were reportedly killed')).toEqual([100, undefined, 'more than 100 people were reportedly killed']);
    expect(k('which activists claimed led to over 200 deaths.')[0]).toBe(200);
  });
  it('hyphen and en-dash ranges, words and "between"', () => {
    expect(k('12-50 people were killed')).toEqual([12, 50, '12-50 people were killed']);
    expect(k('killing 33–34 people on the third day').slice(0, 2)).toEqual([33, 34]);
    expect(k('Five to nine people were reported to have been killed').slice(0, 2)).toEqual([5, 9]);
    expect(k('the rescue cost the lives of between 13 and 23 volunteers').slice(0, 2)).toEqual([13, 23]);
  });
  it('number words', () => {
    expect(k('six elite pilots, one technical officer and three other personnel were killed').slice(0, 2)).toEqual([10, 10]);
    expect(k('killing two pilots').slice(0, 2)).toEqual([2, 2]);
    expect(parseNumber('twenty-one')).toBe(21);
  });
  it('coordinated counts add up', () => {
    expect(k('massacred 21 women and 26 children in the district').slice(0, 2)).toEqual([47, 47]);
    expect(k('By 25 January 120 civilians and 30–40 rebels were also reported to had been killed.').slice(0, 2)).toEqual([150, 160]);
  });
  it('one named person killed is one', () => {
    expect(k('a rebel leader, Hamza al-Tesh, was killed in al-Khalidya').slice(0, 2)).toEqual([1, 1]);
  });
  it('dates and years are not head counts', () => {
    expect(k('On 7 August 16 civilians were killed by rebel forces.').slice(0, 2)).toEqual([16, 16]);
    expect(k('On 25 November 2011, six soldiers were killed.').slice(0, 2)).toEqual([6, 6]);
    // an abbreviated month, and a day before its year
    expect(k('Feb. 22, 2012 -- A U.S. and a French journalist were killed in Homs today.')[0]).toBeUndefined();
    expect(k('On February 22, 2012 the shelling killed 30 people.').slice(0, 2)).toEqual([30, 30]);
  });
  it("Wikipedia's citation marks are no numbers, and stay in the phrase as written", () => {
    expect(k('At least 12[7] rebels were killed.')).toEqual([12, undefined, 'At least 12[7] rebels were killed']);
    expect(k('The attack killed[5] 30 civilians.').slice(0, 2)).toEqual([30, 30]);
  });
  it('killed or wounded is not a death count', () => {
    expect(k('130 soldiers were killed or wounded')[0]).toBeUndefined();
  });
});

describe('vague amounts', () => {
  it('dozens keeps the phrase and no number', () => {
    expect(k('SANA claimed that dozens of rebels were killed and wounded')).toEqual([undefined, undefined, 'dozens of rebels were killed']);
  });
  it('no figure, no casualties', () => {
    expect(findCasualties('Tanks entered Baba Amr.').casualties).toEqual({});
  });
});

describe('wounded', () => {
  it('are kept apart from the killed', () => {
    const c = findCasualties('killing ten people and wounding three').casualties;
    expect([c.killedLow, c.woundedLow]).toEqual([10, 3]);
    const d = findCasualties('108 people were killed and 300 injured').casualties;
    expect([d.killedLow, d.woundedLow]).toEqual([108, 300]);
  });
});

describe('numbers written out and grouped', () => {
  const killed = (t: string) => {
    const c = findCasualties(t).casualties;
    return [c.killedLow, c.killedHigh];
  };
  it('thousands separated by commas', () => {
    expect(killed('On 20 April, a rebel leader stated that 2,000 Farouq Brigades fighters had been killed in Homs province.')).toEqual([2000, 2000]);
    expect(killed('More than 6,000 people have died since the revolt began.')).toEqual([6000, undefined]);
  });
  it('numbers in words with hundreds, thousands and millions', () => {
    expect(killed("One hundred thousand people have been killed in Syria's two year conflict.")).toEqual([100000, 100000]);
    expect(killed('Two hundred and fifty people were killed.')).toEqual([250, 250]);
    expect(killed('Four hundred government officials were assassinated in 1957 alone.')).toEqual([400, 400]);
    expect(killed('Nearly a million and a half killed, three million wounded.')).toEqual([1500000, 1500000]);
  });
  it('a ratio is no count, and a count of something else is not summed in', () => {
    expect(killed('One Vietnamese in every ten had been a casualty; 40 were killed.')).toEqual([40, 40]);
    expect(killed('More than 3,000 Chinese citizens are evacuated from Vietnam, with 2 Chinese killed.')).toEqual([2, 2]);
    expect(killed('Boko Haram fighters are accused of killing at least 27 people in two northern villages.')).toEqual([27, undefined]);
  });
});
