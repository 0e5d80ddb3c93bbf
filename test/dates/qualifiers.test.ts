import { describe, expect, it } from 'vitest';
import { dateDocument } from '../../pipeline/dates/index.ts';
import { narrative } from './fixtures.ts';
import { expectTimex } from './helpers.ts';

describe('qualifiers', () => {
  const doc = narrative('On 8 May 2011 tanks entered. By 10 May the city was surrounded. Around 5 December, 61 people died. Shelling continued until 26 December. Protests had gone on since 3 February. The evacuation was scheduled for the next day.');
  const { dates } = dateDocument(doc);

  it('by / around / until / since / planned', () => {
    expect(dates.get(1)).toMatchObject({ start: '2011-05-10', end: '2011-05-10', qualifier: 'by', edtf: '[..2011-05-10]', text: 'By 10 May' });
    expect(dates.get(2)).toMatchObject({ start: '2011-12-05', qualifier: 'around', edtf: '2011-12-05~', text: 'Around 5 December' });
    expect(dates.get(3)).toMatchObject({ start: '2011-12-26', qualifier: 'until', edtf: '../2011-12-26' });
    expect(dates.get(4)).toMatchObject({ start: '2011-02-03', qualifier: 'since', edtf: '2011-02-03/..' });
    // since/until bound a state; they do not move the anchor, so "the next day" follows 5 December
    expect(dates.get(5)).toMatchObject({ start: '2011-12-06', qualifier: 'planned' });
  });

  it('"about" and "ca." belong to the TIMEX with mod APPROX', () => {
    expectTimex('The temple was built ca. 466 BC.', 'ca. 466 BC', { val: 'BC0466', mod: 'APPROX' });
  });
});
