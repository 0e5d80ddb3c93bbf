import { describe, expect, it } from 'vitest';
import { expectTimex, tag } from './helpers.ts';

describe('weekdays', () => {
  it('past tense: the most recent such day on or before the publication date', () => {
    expectTimex('Activists said on Wednesday that shelling continued.', 'Wednesday', { val: '2012-02-08' }, '2012-02-10');
    expectTimex('The monitor said on Thursday that 30 died.', 'Thursday', { val: '2012-02-09' }, '2012-02-13');
    expectTimex('On Monday, shelling resumed.', 'Monday', { val: '2012-02-13' }, '2012-02-13');
  });

  it('future tense: the next such day after the publication date', () => {
    expectTimex('The Arab League will meet on Sunday.', 'Sunday', { val: '2012-02-12' }, '2012-02-10');
    expectTimex('The governor said the operation would continue Thursday.', 'Thursday', { val: '2014-05-08' }, '2014-05-07');
  });

  it('narrative: the nearest such day to the anchor', () => {
    expectTimex('Around 5 December 2011, 61 people died. The SOHR said on Monday that 34 were Sunni.', 'Monday', { val: '2011-12-05' });
  });

  it('plural weekdays are sets', () => {
    expectTimex('Protests were held on Fridays.', 'Fridays', { val: 'XXXX-WXX-5' });
  });
});

describe('a weekday inside a name', () => {
  it('is no date in `the Sunday Times`, `the British Sunday Telegraph`', () => {
    expect(tag('Colvin wrote for the British Sunday Times.', '2012-02-22').map((e) => e.text)).toEqual([]);
    expect(tag('The Sunday Telegraph reported the deaths.', '2012-02-22').map((e) => e.text)).toEqual([]);
  });
  it('but is one after a preposition or before a month, whatever follows', () => {
    expectTimex('On Sunday Homs was shelled.', 'Sunday', { val: '2012-02-19' }, '2012-02-22');
    expectTimex('Late Friday Syrian troops attacked.', 'Friday', { val: '2012-02-17' }, '2012-02-22');
    expectTimex('Clashes erupted on the Sunday February 19.', 'Sunday', { val: '2012-02-19' }, '2012-02-22');
  });
});
