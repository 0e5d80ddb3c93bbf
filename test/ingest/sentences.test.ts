import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/ingest/sentences.ts';

const split = (text: string): string[] => segment(text).map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('splits plain sentences and keeps offsets exact', () => {
    const text = '  On 8 May the army entered. Rebels withdrew!  Was it over? ';
    const spans = segment(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['On 8 May the army entered.', 'Rebels withdrew!', 'Was it over?']);
    expect(spans[0]).toEqual({ start: 2, end: 28 });
  });

  it("ends a sentence after Wikipedia's citation marks", () => {
    expect(split('Clashes intensified in April.[27] In early May 2011, the army moved in.[28][29] It withdrew."[5] Then talks began.[citation needed] No one came.')).toEqual([
      'Clashes intensified in April.[27]', 'In early May 2011, the army moved in.[28][29]', 'It withdrew."[5]', 'Then talks began.[citation needed]', 'No one came.',
    ]);
    // a bracket that is no citation mark stays in its sentence
    expect(split('He said it was over. [The army] had left.')).toEqual(['He said it was over.', '[The army] had left.']);
  });
  it('does not split after titles and military ranks', () => {
    expect(split('Lt. Gen. Assef Shawkat arrived. Mr. Annan left.')).toEqual(['Lt. Gen. Assef Shawkat arrived.', 'Mr. Annan left.']);
    expect(split('He prayed at St. Elian church. Dr. Ali spoke.')).toEqual(['He prayed at St. Elian church.', 'Dr. Ali spoke.']);
  });

  it('keeps dotted acronyms inside a sentence but ends on one before a sentence start', () => {
    expect(split('The U.N. Security Council met. It failed.')).toEqual(['The U.N. Security Council met.', 'It failed.']);
    expect(split('Aid came from the U.S. The convoy waited.')).toEqual(['Aid came from the U.S.', 'The convoy waited.']);
    expect(split('The shelling began at 6 a.m. local time and lasted.')).toEqual(['The shelling began at 6 a.m. local time and lasted.']);
  });

  it('keeps initials with the name', () => {
    expect(split('Abdul F. Hamid was killed. His brother survived.')).toEqual(['Abdul F. Hamid was killed.', 'His brother survived.']);
  });

  it('does not split decimals, thousands or ranges', () => {
    expect(split('Some 5.7 million fled. Between 1,500-2,000 left on 3.5 buses.')).toEqual(['Some 5.7 million fled.', 'Between 1,500-2,000 left on 3.5 buses.']);
  });

  it('ends a sentence after a closing quote or bracket', () => {
    expect(split('He said "it is over." Then he left.')).toEqual(['He said "it is over."', 'Then he left.']);
    expect(split('The army withdrew (as planned.) Rebels moved in.')).toEqual(['The army withdrew (as planned.)', 'Rebels moved in.']);
    expect(split('"Why?" he asked.')).toEqual(['"Why?" he asked.']);
  });

  it('treats an ellipsis by what follows', () => {
    expect(split('They waited... and waited. Nothing came… The end.')).toEqual(['They waited... and waited.', 'Nothing came…', 'The end.']);
  });

  it('keeps an abbreviated month with its year and a number sign with its number', () => {
    expect(split('859 soldiers died (by mid-Feb. 2012). See No. 5 for more.')).toEqual(['859 soldiers died (by mid-Feb. 2012).', 'See No. 5 for more.']);
  });

  it('keeps a trailing agency credit with its caption', () => {
    expect(split('Fighters carry a rocket launcher in Aleppo. (AAP)')).toEqual(['Fighters carry a rocket launcher in Aleppo. (AAP)']);
  });

  it('always ends at a blank line, whatever the line ends', () => {
    expect(split('First part without stop\r\n\r\nSecond part.')).toEqual(['First part without stop', 'Second part.']);
    expect(split('One\r\rTwo')).toEqual(['One', 'Two']);
    expect(split('wrapped line\ncontinues here.')).toEqual(['wrapped line\ncontinues here.']);
  });

  it('segments only inside the range it is given', () => {
    const text = 'Heading\nA sentence. Another one.\nTail';
    const spans = segment(text, 8, 32);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['A sentence.', 'Another one.']);
  });
});
