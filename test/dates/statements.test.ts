import { describe, expect, it } from 'vitest';
import { dateDocument } from '../../pipeline/dates/index.ts';
import { validEdtf } from '../../pipeline/dates/interval.ts';
import { documentOf, narrative } from './fixtures.ts';

describe('dateDocument: headings, infobox, structure, news', () => {
  it('a heading year scopes its section (=== 2012 === after 20 December 2011)', () => {
    const doc = documentOf('On 20 December 2011 observers arrived.\n=== January–February 2013 army offensive ===\nOn 9 February 611 civilians were killed. On 9 March the army advanced.\n=== 2012 ===\nOn 3 February shelling began.');
    const { dates } = dateDocument(doc);
    const byText = (t: string) => [...dates.values()].find((d) => d.text.includes(t));
    expect(byText('9 February')).toMatchObject({ start: '2013-02-09', end: '2013-02-09', yearBasis: 'inherited' });
    expect(byText('9 March')).toMatchObject({ start: '2013-03-09' });
    expect(byText('3 February')).toMatchObject({ start: '2012-02-03' });
  });

  it('rolls the year forward: December, then "In early January"', () => {
    const { dates } = dateDocument(narrative('On 20 December 2011 observers arrived. In early January the FSA called the mission a failure.'));
    expect(dates.get(1)).toMatchObject({ start: '2012-01-01', end: '2012-01-10', precision: 'part-of-month', edtf: '2012-01-01/2012-01-10' });
  });

  it('past perfect steps back a year (Protests had begun in March)', () => {
    const { dates } = dateDocument(narrative('In February 2012 the army attacked. Protests had begun in March.'));
    expect(dates.get(1)).toMatchObject({ start: '2011-03-01', end: '2011-03-31' });
  });

  it('the infobox Date spans the whole event, even when garbled', () => {
    const doc = documentOf('- Date: 6 May 20119 May 2014, ()\nDuring the siege, analysts noted a shift.');
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '2011-05-06', end: '2014-05-09', qualifier: 'during', precision: 'interval', rule: 'infobox.date' });
    expect(dates.get(1)).toMatchObject({ start: '2011-05-06', end: '2014-05-09' });
  });

  it('a Current Events item takes its structural date whatever its words say', () => {
    const doc = documentOf('Around 2,000 people leave al-Waer today. Up to 20,000 will leave in the coming weeks.', 'wcep-markdown', '2014-02-07', { 0: '2017-03-18' });
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '2017-03-18', end: '2017-03-18', rule: 'structure.date' });
    expect(dates.get(1)).toMatchObject({ start: '2017-03-18', qualifier: 'planned' });
  });

  it('news: weekdays by tense against the publication date; times take that day', () => {
    const doc = documentOf('An operation started on Wednesday, a negotiator said. The evacuation began at about 10am local time. The operation would continue Thursday.', 'news-text', '2014-05-07T21:01+10:00');
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '2014-05-07', yearBasis: 'document-date' });
    expect(dates.get(1)).toMatchObject({ start: '2014-05-07', qualifier: 'around', precision: 'time' });
    expect(dates.get(2)).toMatchObject({ start: '2014-05-08', qualifier: 'planned' });
  });

  it('news: a date right after a verb of speech dates the speaking, whatever the reported clause says', () => {
    const doc = documentOf('Activists in Homs province said on Wednesday the operation would continue. The governor told AFP on Wednesday it would end. Rebels said they would leave on Friday.', 'news-text', '2014-05-07');
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '2014-05-07', qualifier: 'on' });
    expect(dates.get(1)).toMatchObject({ start: '2014-05-07', qualifier: 'on' });
    expect(dates.get(2)).toMatchObject({ start: '2014-05-09', qualifier: 'planned' });
  });

  it('news: a month after the publication date in a clause about the past is the year before', () => {
    const doc = documentOf('Troops shelled the district on Monday. More than 6,000 people have died since the revolt began in mid-March. Talks will resume in April.', 'news-text', '2012-02-07');
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '2012-02-06' });
    expect(dates.get(1)).toMatchObject({ start: '2011-03-11', end: '2011-03-20' });
    expect(dates.get(2)).toMatchObject({ start: '2012-04-01', qualifier: 'planned' });
  });

  it("news: a quotation's `at this point` is the speaker's present; the date of the speaking wins", () => {
    const doc = documentOf('Executions took place on Friday. "I believe at this point that under 20 of the 108 died of shelling," he told a briefing on Tuesday.', 'news-text', '2012-05-29');
    const { dates } = dateDocument(doc);
    expect(dates.get(1)).toMatchObject({ start: '2012-05-29', text: 'on Tuesday' });
  });

  it('within days: a plan in a clause about the future, soon after the story\'s time in one about the past', () => {
    const { dates } = dateDocument(narrative('On 3 May 1904 the fleet sailed. The Hatsuse sank within minutes. The admiral said the port would fall within days.'));
    expect(dates.get(1)).toMatchObject({ start: '1904-05-03', qualifier: 'after' });
    expect(dates.get(2)).toMatchObject({ start: '1904-05-03', qualifier: 'planned' });
  });

  it('a part of an event the text does not date dates no statement (the last month of World War II)', () => {
    const { dates } = dateDocument(narrative('On 10 October 1945 the talks began. In the last month of World War II, Soviet forces attacked.'));
    expect(dates.has(1)).toBe(false);
  });

  it("a narrative's `four days ago` counts back from the story's day, and moves nothing", () => {
    const { dates, expressions } = dateDocument(narrative('On 27 January 2012 the district was shelled. A local doctor said "Alawites who had remained there were attacked four days ago." Two days later, the army entered.'));
    expect(dates.get(1)).toMatchObject({ start: '2012-01-23', end: '2012-01-23' });
    expect(dates.get(2)).toMatchObject({ start: '2012-01-29' });
    expect(expressions.find((e) => e.text === 'four days ago')?.val).toBe('2012-01-23');
  });

  it("a narrative's `today` inside a quotation opened in an earlier sentence is the story's day; outside one, no date", () => {
    const { dates } = dateDocument(narrative('On 27 January 2012 an attack took place. A doctor said "Alawites left four days ago. Today we know why. We have seventy wounded." Today the district is empty.'));
    expect(dates.get(2)).toMatchObject({ start: '2012-01-27', text: 'Today' });
    expect(dates.has(4)).toBe(false);
  });

  it("a narrative's quoted `yesterday` yields to the date of the speaking the sentence gives", () => {
    const { dates } = dateDocument(narrative('On 1 March 2017 talks resumed in Geneva. "A major assault on Homs took place yesterday," Ban told the General Assembly on 2 March 2012.'));
    expect(dates.get(1)).toMatchObject({ start: '2012-03-02', text: 'on 2 March 2012' });
  });

  it('earlier this month, later this year: the part of the unit before or after the publication (news) or the story\'s day', () => {
    const news = documentOf('Earlier this year, about 1,400 people were evacuated. Fighting flared earlier this month. Talks will resume later this year.', 'news-text', '2014-05-07');
    const { dates } = dateDocument(news);
    expect(dates.get(0)).toMatchObject({ start: '2014-01-01', end: '2014-05-06', precision: 'interval', qualifier: 'during' });
    expect(dates.get(1)).toMatchObject({ start: '2014-05-01', end: '2014-05-06' });
    expect(dates.get(2)).toMatchObject({ start: '2014-05-08', end: '2014-12-31', qualifier: 'planned' });
    const told = dateDocument(narrative('On 9 October 2013 AFP reported on the refinery. The minister had visited it earlier this month.')).dates;
    expect(told.get(1)).toMatchObject({ start: '2013-10-01', end: '2013-10-08' });
    // on the first day of the month nothing lies before it: the month stays whole
    const first = dateDocument(documentOf('Fighting flared earlier this month.', 'news-text', '2014-05-01')).dates;
    expect(first.get(0)).toMatchObject({ start: '2014-05-01', end: '2014-05-31' });
    // later that month (a narrative's anchor, not `this`) stays the month
    expect(dateDocument(narrative('On 4 February 2012 the shelling began. Later that month, the UN voted.')).dates.get(1)).toMatchObject({ start: '2012-02-01', end: '2012-02-29' });
  });

  it('news: a count forward past the publication day, not about the future, dates nothing', () => {
    const doc = documentOf('The army retook Khalidiya on Monday. The gains come exactly a month after it started an offensive. Talks will resume a week later.', 'news-text', '2013-07-29');
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '2013-07-29' });
    expect(dates.has(1)).toBe(false);
    expect(dates.get(2)).toMatchObject({ start: '2013-08-05', qualifier: 'planned' });
  });

  it('a count from another event does not move the story (a day after 14 civilians were killed)', () => {
    const doc = documentOf('Five civilians were killed in Wednesday\'s shelling, a day after 14 civilians were killed there. Shells fell from 8 am.', 'news-text', '2012-03-21');
    const { dates } = dateDocument(doc);
    expect(dates.get(1)).toMatchObject({ start: '2012-03-21', precision: 'time' });
  });

  it('the explicit date wins in "The next day, 8 May"', () => {
    const { dates } = dateDocument(narrative('On 7 May 2011 the power was cut. The next day, 8 May, army units entered.'));
    expect(dates.get(1)).toMatchObject({ start: '2011-05-08', text: 'The next day, 8 May' });
  });

  it('every published value is valid EDTF and carries both crosswalk codes', () => {
    const { dates } = dateDocument(narrative('By early May 2012 a ceasefire held. Around 5 December 2011 many died. In the spring of 2012 talks began. On 21 and 22 December detainees were moved. By the end of 2013 the rebels were trapped.'));
    expect(dates.size).toBe(5);
    for (const d of dates.values()) {
      expect(validEdtf(d.edtf), d.edtf).toBe(true);
      expect([1, 2, 3]).toContain(d.acledTimePrecision);
      expect([1, 2, 3, 4, 5]).toContain(d.ucdpDatePrec);
    }
    expect(dates.get(2)).toMatchObject({ start: '2012-03-01', end: '2012-05-31', precision: 'season' });
    expect(dates.get(4)).toMatchObject({ start: '2013-12-21', end: '2013-12-31', qualifier: 'by' });
  });

  it('a month stays a month: no invented day', () => {
    const { dates } = dateDocument(narrative('In April 2012, Sarkozy accused Assad.'));
    expect(dates.get(0)).toMatchObject({ start: '2012-04-01', end: '2012-04-30', precision: 'month', edtf: '2012-04', acledTimePrecision: 3, ucdpDatePrec: 4 });
  });
});

describe('dateDocument: diagnostics', () => {
  it('reports a date it cannot give a year, at its position', () => {
    const { dates, messages } = dateDocument(narrative('Tanks entered the city on 8 May.'));
    expect(dates.size).toBe(0);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'dates.unresolved-year', severity: 'warning', stage: 'dates', actual: '8 May', place: { start: { line: 1, column: 27, offset: 26 } } });
  });

  it('flags "The next day, 9 May" when the anchor says 8 May, and uses the explicit date', () => {
    const { dates, messages } = dateDocument(narrative('On 6 May 2011 the army arrived. The next day, 9 May, tanks entered.'));
    expect(dates.get(1)).toMatchObject({ start: '2011-05-09' });
    expect(messages.map((m) => m.ruleId)).toEqual(['dates.apposition-conflict']);
  });
});
