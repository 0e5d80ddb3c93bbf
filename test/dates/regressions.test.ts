import { describe, expect, it } from 'vitest';
import { dateDocument, tagPlainText } from '../../pipeline/dates/index.ts';
import { narrative } from './fixtures.ts';
import { expectTimex } from './helpers.ts';

// Each case is named after what broke.
describe('regressions', () => {
  it('a count after day-month is not a year: "On 7 August 16 civilians" is 7 August, not August 16', () => {
    expectTimex('In 2012 the siege went on. On 7 August 16 civilians were killed.', '7 August', { val: '2012-08-07' });
  });

  it('a past perfect in one clause does not step back a date in the next clause', () => {
    const { dates } = dateDocument(narrative('In early May 2011, the army moved in. Though forces had quelled the March–April Daraa protests, their early May operation failed.'));
    expect(dates.get(1)).toMatchObject({ start: '2011-05-01', end: '2011-05-10' });
  });

  it('a flashback inside a sentence does not move the anchor (until August 1995)', () => {
    const { dates } = dateDocument(narrative('On 28 December 2011 the observers arrived. Amnesty said he led the unit until August 1995. He estimated that on 21 and 22 December 500 detainees were moved.'));
    expect(dates.get(2)).toMatchObject({ start: '2011-12-21', end: '2011-12-22' });
  });

  it('a planned date inside a sentence does not move the anchor (ahead of a June 3 election)', () => {
    const { dates } = dateDocument(narrative('On 7 May 2014 the buses left. The deal came ahead of a June 3 election expected to return Assad. The evacuation began at about 10am local time.'));
    expect(dates.get(2)).toMatchObject({ start: '2014-05-07' });
  });

  it('a backward count does not move the anchor ("two days previously", then "At the same time")', () => {
    const { dates } = dateDocument(narrative('On 26 January 2013 more rebels died. Rebels had tried to relieve them two days previously. At the same time, fighting continued.'));
    expect(dates.get(2)).toMatchObject({ start: '2013-01-26' });
  });

  it('"one week later" counts seven days, not an ISO week', () => {
    expectTimex('On 20 May 2011 protests were met with fire. One week later, another protest followed.', 'One week later', { val: '2011-05-27' });
  });

  it('range parts keep their part words ("late December to early January")', () => {
    expectTimex('On 20 December 2011 talks failed. Fighting lasted from late December to early January.', 'late December', { val: '2011-12', mod: 'END' });
  });

  it('"in the spring of 1794," keeps its year before a comma', () => {
    expectTimex('In the spring of 1794, the Terror peaked.', 'the spring of 1794', { val: '1794-SP' });
  });

  it('a yearless range across a year end ends nearest the current time ("from October to March")', () => {
    const text = 'They landed on Luzon in January 1945 and seized Manila in March. The British fought in Burma from October to March.';
    expectTimex(text, 'October', { val: '1944-10' });
    expectTimex(text, 'March', { val: '1945-03' }, undefined, 2);
  });

  it('"continued into the next day" inside a sentence does not move the anchor', () => {
    const { dates } = dateDocument(narrative('On 20 March 2012 shelling struck Khalidiya and continued into the next day. Another 40 people were killed on the second day of the bombardment.'));
    expect(dates.get(1)).toMatchObject({ start: '2012-03-21' });
  });

  it('"The next day" is not a future tense: no planned qualifier', () => {
    const { dates } = dateDocument(narrative('On 28 October 2011 clashes began. The next day, these clashes spread to Baba Amr.'));
    expect(dates.get(1)).toMatchObject({ start: '2011-10-29', qualifier: 'on' });
  });

  it('"by the end of March they had launched" is no flashback (past perfect after "by")', () => {
    expectTimex('In early 1941 Italy struggled. Hitler sent forces to Libya in February, and by the end of March they had launched an offensive.', 'the end of March', { val: '1941-03', mod: 'END' });
  });

  it('a full date far back inside a sentence resets the story (Escalation started on 31 January 1965)', () => {
    const text = 'In 1969 Nixon took office.\n\nEscalation\n\nEscalation officially started on the morning of 31 January 1965, when orders were cut. The attack came on 6 February.';
    expectTimex(text, '6 February', { val: '1965-02-06' });
  });

  it('a date inside an "until ..." phrase is a bound, not the new time ("until the fall of Budapest in February 1945")', () => {
    const text = 'Belgrade fell on October 20, 1944. A few days later, the Soviets launched an assault that lasted until the fall of Budapest in February 1945. By the start of July, Soviet forces had advanced.';
    expectTimex(text, 'the start of July', { val: '1944-07', mod: 'START' });
  });
});


describe('regression: three-digit counts read as years in the seed article', () => {
  it('"the death toll of around 200." is a count, not the year 200', () => {
    expect(tagPlainText('Several outlets still reported the death toll of around 200.', '2012-03-01').filter((e) => e.val === '0200')).toEqual([]);
  });
  it('"up to 150–220 people were rounded up" is a count range, not the year 150', () => {
    expect(tagPlainText('Activists claimed that up to 150–220 people were rounded up.', '2012-03-01').filter((e) => /^0150/.test(e.val ?? ''))).toEqual([]);
  });
  it('a three-digit year after "in" still reads as a year', () => {
    expect(tagPlainText('The city fell in 636 to the Rashidun army.').map((e) => [e.text, e.val])).toContainEqual(['636', '0636']);
  });
});

describe('regression: "N units ago" was read as the document date itself', () => {
  it('counts days, months and years back from the publication date', () => {
    const vals = (t: string) => tagPlainText(t, '2014-02-13').map((e) => [e.text, e.val]);
    expect(vals('He left two days ago.')).toEqual([['two days ago', '2014-02-11']]);
    expect(vals('Two months ago the town fell.')).toEqual([['Two months ago', '2013-12']]);
    expect(vals('Mubarak was overthrown a year ago.')).toEqual([['a year ago', '2013']]);
  });
  it('without a document date, is unknown at the granularity of its unit (TIMEX2 "15 months ago" = XXXX-XX)', () => {
    expect(tagPlainText('They had left 15 months ago.').map((e) => [e.text, e.val])).toEqual([['15 months ago', 'XXXX-XX']]);
  });
  it('never starts inside a number with a thousands separator ("13,000 years ago")', () => {
    expect(tagPlainText('It appeared about 13,000 years ago.', '2014-02-13').some((e) => e.text.startsWith('000'))).toBe(false);
  });
});

describe('regression: "from 499 to 493 BC" dated its statement from AD 499 to 493 BC', () => {
  it('carries the era at the end of a "to" range to its first year', () => {
    expect(tagPlainText('The Ionian Revolt lasted from 499 to 493 BC.').map((e) => [e.text, e.val])).toEqual([['499', 'BC0499'], ['493 BC', 'BC0493']]);
  });
  it('dates the statement in astronomical years, BC kept (publish puts it in date_edtf: a Table Schema date holds years 0001-9999 only)', () => {
    const [d, ...more] = [...dateDocument(narrative('The Ionian Revolt lasted from 499 to 493 BC.')).dates.values()];
    expect(more).toEqual([]);
    expect([d?.start, d?.end, d?.edtf, d?.precision, d?.text]).toEqual(['-0498-01-01', '-0492-12-31', '-0498-01-01/-0492-12-31', 'interval', 'from 499 to 493 BC']);
  });
  it('bounds a BC decade and century counting down (the 470s BC are 479-470 BC), as AD ones count up', () => {
    const span = (s: string) => [...dateDocument(narrative(s)).dates.values()].map((d) => [d.start, d.end]);
    expect(span('The town grew in the 470s BC.')).toEqual([['-0478-01-01', '-0469-12-31']]);
    expect(span('The walls were rebuilt in the early 470s BC.')).toEqual([['-0478-01-01', '-0475-12-31']]);
    expect(span('A fort stood there in the 5th century BC.')).toEqual([['-0498-01-01', '-0399-12-31']]);
    expect(span('A fort stood there in the 5th century.')).toEqual([['0400-01-01', '0499-12-31']]);
    expect(span('The town grew in the 1970s.')).toEqual([['1970-01-01', '1979-12-31']]);
  });
});

describe('the year of a month the text gives none for, in a narrative that goes back and forth', () => {
  it("a winter's December is the year before its January's (the winter of 1776: Christmas Eve 1776)", () => {
    expectTimex('The winter of 1776 was cold and snowy. On Christmas Eve, Hessian soldiers celebrated.', 'Christmas Eve', { val: '1776-12-24' });
  });
  it('after a flashback, a month far behind where the story had gone is the next year', () => {
    const text = 'By November 21, 1894 the Japanese had taken Port Arthur. The navy won on September 17, 1894. After the fall of Weihaiwei on February 2, troops advanced.';
    expectTimex(text, 'February 2', { val: '1895-02-02' });
    // a month the story has not yet passed stays in the year
    expectTimex('By November 21, 1894 the Japanese had taken Port Arthur. The navy won on September 17, 1894. On October 3 the army crossed.', 'October 3', { val: '1894-10-03' });
  });
});
