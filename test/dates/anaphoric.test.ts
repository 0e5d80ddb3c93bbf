import { describe, expect, it } from 'vitest';
import { dateDocument } from '../../pipeline/dates/index.ts';
import { narrative } from './fixtures.ts';
import { tag } from './helpers.ts';

describe('anaphoric periods', () => {
  it('"this period" is a TIMEX without a value (WikiWars convention)', () => {
    const e = tag('In 1940 France fell. During this period the Blitz began.').find((x) => x.text === 'this period');
    expect(e).toBeDefined();
    expect(e!.val).toBeUndefined();
  });

  it('dates "During this time" / "By this point" / "Meanwhile" sentences with the current anchor', () => {
    const doc = narrative('By early May 2012, only sporadic fighting occurred. During this time, the government held most of the city. On 20 April 2013 a leader spoke. By this point, talks had begun. Meanwhile, fighting was reported in Jobar.');
    const { dates } = dateDocument(doc);
    expect(dates.get(1)).toMatchObject({ start: '2012-05-01', end: '2012-05-10', text: 'During this time' });
    expect(dates.get(3)).toMatchObject({ start: '2013-04-20', end: '2013-04-20', qualifier: 'by' });
    expect(dates.get(4)).toMatchObject({ start: '2013-04-20', end: '2013-04-20', text: 'Meanwhile' });
  });

  it('a sentence-initial "Later" dates its sentence; a bare "later" does not', () => {
    const doc = narrative('On 24 November 2011 soldiers were killed. Later, the military raided farms. The claim was later disputed.');
    const { dates, expressions } = dateDocument(doc);
    expect(dates.get(1)).toMatchObject({ start: '2011-11-24', qualifier: 'after', text: 'Later' });
    expect(dates.has(2)).toBe(false);
    expect(expressions.some((e) => e.text === 'Later')).toBe(false);
  });
});

describe('"the former" standing for a thing named before', () => {
  const refs = (text: string) => tag(text).filter((e) => e.val === 'PAST_REF').map((e) => e.text);
  it('is no time before a determiner, a verb or the end of a clause', () => {
    expect(refs('The navy and the army argued; the military did not consider the former an option.')).toEqual([]);
    expect(refs('Two plans were drafted, and the former was rejected.')).toEqual([]);
    expect(refs('Of the two plans, they chose the former.')).toEqual([]);
  });
  it('is still a past reference before a noun or a name', () => {
    expect(refs('In the former capital of Hue, the fighting went on.')).toEqual(['former']);
    expect(refs('The former Louis XVI was tried.')).toEqual(['former']);
  });
});
