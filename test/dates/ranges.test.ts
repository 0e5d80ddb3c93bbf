import { describe, expect, it } from 'vitest';
import { expectTimex, tag } from './helpers.ts';

describe('ranges and lists', () => {
  it('splits a shared-month range into its two days', () => {
    const text = 'In January 2013 the army advanced. Heavy fighting raged between 20 and 22 January.';
    expectTimex(text, '20', { val: '2013-01-20' });
    expectTimex(text, '22 January', { val: '2013-01-22' });
  });

  it('gives the left side of a range the year of the right side', () => {
    const text = 'From 4 February to 1 March 2012 the district was shelled.';
    expectTimex(text, '4 February', { val: '2012-02-04' });
    expectTimex(text, '1 March 2012', { val: '2012-03-01' });
  });

  it('rolls the year over inside a range (late December to early January)', () => {
    const text = 'On 20 December 2011 observers arrived. Fighting continued from late December to early January.';
    expectTimex(text, 'late December', { val: '2011-12', mod: 'END' });
    expectTimex(text, 'early January', { val: '2012-01', mod: 'START' });
  });

  it('reads a glued infobox range (6 May 20119 May 2014)', () => {
    const text = '- Date: 6 May 20119 May 2014, ()';
    expectTimex(text, '6 May 2011', { val: '2011-05-06' });
    expectTimex(text, '9 May 2014', { val: '2014-05-09' });
  });

  it('reads year ranges with a dash and a shared era', () => {
    expectTimex('The war of 1939–1945 changed Europe.', '1939', { val: '1939' });
    expectTimex('The revolt (499–493 BC) failed.', '493 BC', { val: 'BC0493' });
    expectTimex('The revolt (499–493 BC) failed.', '499', { val: 'BC0499' });
  });

  it('does not join two dates separated by other words', () => {
    const text = 'On 3 May 2014 talks began, and on 4 May they ended.';
    expect(tag(text).filter((e) => e.val?.startsWith('2014-05')).length).toBe(2);
  });
});
