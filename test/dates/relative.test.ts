import { describe, expect, it } from 'vitest';
import { dateDocument } from '../../pipeline/dates/index.ts';
import { documentOf } from './fixtures.ts';
import { expectTimex, tag } from './helpers.ts';

describe('relative expressions', () => {
  it('counts the next / previous day from the narrative anchor', () => {
    expectTimex('On 7 May 2011 the power was cut. The next day, army units entered.', 'The next day', { val: '2011-05-08' });
    expectTimex('On 1 March 2012 the FSA withdrew. The previous day had been quiet.', 'The previous day', { val: '2012-02-29' });
  });

  it('counts n units later or earlier', () => {
    expectTimex('On 1 March 2012 they withdrew. Two days later, troops entered.', 'Two days later', { val: '2012-03-03' });
    expectTimex('On 20 May 2011 protests were suppressed. One week later, another protest followed.', 'One week later', { val: '2011-05-27' });
    expectTimex('On 27 February 2012 they crossed. Reporters had crossed a week prior.', 'a week prior', { val: '2012-02-20' });
  });

  it('restates the anchor: that day, the same day, that night', () => {
    expectTimex('On 8 May 2011 tanks entered. That day, gunmen attacked a bus.', 'That day', { val: '2011-05-08' });
    expectTimex('On 4 February 2012 the army shelled Baba Amr. That same day the UN met.', 'That same day', { val: '2012-02-04' });
    expectTimex('On 27 July 2013 soldiers entered. That night, state TV broadcast a report.', 'That night', { val: '2013-07-27TNI' });
  });

  it('reads the following week as an ISO week and later that month as the month', () => {
    expectTimex('On 4 February 2012 the shelling began. The following week was worse.', 'The following week', { val: '2012-W06' });
    expectTimex('On 4 February 2012 the shelling began. Later that month, the UN voted.', 'Later that month', { val: '2012-02' });
  });

  it('counts the previous / next year and decade', () => {
    expectTimex('The war ended in 1865. The previous year had been the bloodiest.', 'The previous year', { val: '1864' });
  });

  it('resolves deictic words against the document date', () => {
    expectTimex('Civilians left the district today.', 'today', { val: '2017-03-18' }, '2017-03-18');
    expectTimex('The talks ended yesterday.', 'yesterday', { val: '2017-03-17' }, '2017-03-18');
    expectTimex('The people are now free.', 'now', { val: 'PRESENT_REF' });
  });

  it('counts the nth day of an event from the current day', () => {
    expectTimex('On 20 March 2012 shelling resumed. 40 people died on the second day of the bombardment.', 'the second day of the bombardment', { val: '2012-03-21' });
  });

  it('a count forward that dates its own clause moves the story, inside a sentence too', () => {
    const text = 'The President was captured on May 10, 1865. Thompson surrendered his brigade the next day and the day following saw the surrender of the force.';
    expectTimex(text, 'the next day', { val: '1865-05-11' });
    expectTimex(text, 'the day following', { val: '1865-05-12' });
  });
  it('but not one that bounds something else or lies ahead', () => {
    expectTimex('Shelling began on 20 March 2012 and lasted into the next day. The day after, talks began.', 'The day after', { val: '2012-03-21' });
    expectTimex('On 20 March 2012 the army said it would attack the next day. The day after, talks began.', 'The day after', { val: '2012-03-21' });
  });
});

describe('a heading with a range of years in plain text', () => {
  it('starts its section at the range\'s first year', () => {
    const text = 'The war ended in January 1865.\n\nEastern Theater 1861-1863\n\nThe Union army marched in July 1861 and was beaten. Congress passed a resolution on July 25 of that year.';
    expectTimex(text, 'July 25 of that year', { val: '1861-07-25' });
  });
});

describe('this morning, this week: the publication\'s time in news, the story\'s in a narrative', () => {
  it('news', () => {
    expectTimex('Clashes erupted this morning in Homs.', 'this morning', { val: '2013-07-29TMO' }, '2013-07-29');
    expectTimex('The army attacked this week.', 'this week', { val: '2013-W31' }, '2013-07-29');
    expectTimex("He could not finish this year's harvest.", 'this year', { val: '2013' }, '2013-07-29');
  });
  it('a narrative', () => {
    expectTimex('On 7 February 1965, jets flew north. From this day forward the war changed.', 'this day', { val: '1965-02-07' });
    expectTimex("In 1920 the Black Army attacked, before Wrangel could capture that year's grain harvest.", 'that year', { val: '1920' });
  });
});

describe('last week, next month, earlier this month: counted from the publication in news', () => {
  it('news', () => {
    expectTimex('Rebels attacked last week.', 'last week', { val: '2014-W18' }, '2014-05-07');
    expectTimex('The army shelled Homs last month.', 'last month', { val: '2014-04' }, '2014-05-07');
    expectTimex('Talks resume next week.', 'next week', { val: '2014-W20' }, '2014-05-07');
    expectTimex('Shelling went on last night.', 'last night', { val: '2014-05-06TNI' }, '2014-05-07');
    expectTimex('Fighting flared earlier this month.', 'earlier this month', { val: '2014-05' }, '2014-05-07');
  });
  it('the story\'s time in a narrative; and no count in `the last year of`, `last weekend`', () => {
    expectTimex('In May 1862 the army marched. Next year it returned.', 'Next year', { val: '1863' });
    // a part of an event, with no value: not a count from the publication
    expect(tag('It was the last year of the war.', '2014-05-07').map((e) => [e.text, e.val])).toEqual([['the last year of the war', undefined]]);
  });
});

describe('weekends: Saturday and Sunday of an ISO week (TIMEX2 2012-W05-WE)', () => {
  it('news: over the weekend is the one just gone in a report, the coming one in a plan', () => {
    expectTimex('Troops shelled Baba Amr over the weekend.', 'the weekend', { val: '2012-W05-WE' }, '2012-02-07');
    expectTimex('Heavy fighting is expected over the weekend.', 'the weekend', { val: '2012-W06-WE' }, '2012-02-07');
    expectTimex('Rebels attacked last weekend.', 'last weekend', { val: '2012-W05-WE' }, '2012-02-07');
    expectTimex('Talks resume next weekend.', 'next weekend', { val: '2012-W06-WE' }, '2012-02-07');
    // published on a Sunday, the weekend is that day's
    expectTimex('Troops shelled Baba Amr over the weekend.', 'the weekend', { val: '2012-W05-WE' }, '2012-02-05');
  });
  it('a narrative: the following weekend is the one ahead of the story\'s day, never a day', () => {
    expectTimex('On 1 February 2012 the army attacked. The following weekend, they met.', 'The following weekend', { val: '2012-W05-WE' });
    expectTimex('On 4 February 2012 the army attacked. The following weekend, they met.', 'The following weekend', { val: '2012-W06-WE' });
    expectTimex('On 1 February 2012 the army attacked. The previous weekend had been quiet.', 'The previous weekend', { val: '2012-W04-WE' });
    expectTimex('On 1 February 2012 the army attacked. That weekend, tanks came.', 'That weekend', { val: '2012-W05-WE' });
  });
  it('a statement dated by a weekend spans its two days', () => {
    const { dates } = dateDocument(documentOf('Troops shelled Baba Amr over the weekend, activists said. Heavy fighting is expected over the weekend.', 'news-text', '2012-02-07'));
    expect(dates.get(0)).toMatchObject({ start: '2012-02-04', end: '2012-02-05', precision: 'interval' });
    expect(dates.get(1)).toMatchObject({ start: '2012-02-11', end: '2012-02-12', qualifier: 'planned' });
  });
  it('the weekend of a named day is no count', () => {
    expect(tag('They met on the weekend of 4 February 2012.').map((e) => e.text)).not.toContain('the weekend');
  });
});

describe('to this day', () => {
  it("is the writer's present, not the story's day", () => {
    expectTimex('On 5 June 1967 Israel struck first. It remains a controversy to this day.', 'this day', { val: 'PRESENT_REF' });
    expectTimex('On 5 June 1967 Israel struck first. It has been denied until this very day.', 'this very day', { val: 'PRESENT_REF' });
    expectTimex('On 5 June 1967 Israel struck first. From this day forward the war changed.', 'this day', { val: '1967-06-05' });
  });
});

describe('the previous century, night attacks', () => {
  it('counts centuries in TIMEX2 digits, BC ones down', () => {
    expectTimex('In 387 BC the treaty undid all the Greek gains of the previous century.', 'the previous century', { val: 'BC04' });
    expectTimex('In 1905 the war ended; the previous century had been calm.', 'the previous century', { val: '18' });
  });
  it('a night attack is done by night on a day the text does not name', () => {
    expectTimex('The attack was well-executed, using night attacks and cavalry raids.', 'night', { val: 'XXXX-XX-XXTNI' });
    expectTimex('Pausanias ordered a night-time retreat.', 'night-time', { val: 'XXXX-XX-XXTNI' });
    expect(tag('The night was cold.').map((e) => e.text)).toEqual([]);
  });
});

describe('on the seventh day: counted from the current day, with no `of` after it', () => {
  it('the first day is the current day, the third two days on', () => {
    const text = 'On 19 May 2013, government forces began an assault on the town. At least 52 rebels were killed on the first day. On the third day, the army entered.';
    expectTimex(text, 'the first day', { val: '2013-05-19' });
    expectTimex(text, 'the third day', { val: '2013-05-21' });
    expect(tag('It was the first day in years without rain.').map((e) => e.text)).toEqual([]);
  });
});

describe('the second day of the offensive: counted from the day the text said it began', () => {
  const story = 'On 29 June 2013, government troops launched an offensive on rebel-held parts of Homs. On 3 July, an activist said the fighting went on.';
  it('the Nth day, and the first N days as a span', () => {
    expectTimex(`${story} On the third day of the offensive, rebels retreated.`, 'the third day of the offensive', { val: '2013-07-01' });
    const { dates } = dateDocument(documentOf(`${story} During the first two days of the offensive, 32 soldiers had been killed.`));
    expect(dates.get(2)).toMatchObject({ start: '2013-06-29', end: '2013-06-30', precision: 'interval' });
  });
  it('from the current day when no beginning was said, or one long before', () => {
    expectTimex('On 20 March 2012 shelling resumed. 40 people died on the second day of the bombardment.', 'the second day of the bombardment', { val: '2012-03-21' });
    expectTimex('On 12 August 2012 the army launched an operation in Homs. On 7 February 2014 a truce was signed. The first day of the operation, 83 people left.', 'The first day of the operation', { val: '2014-02-07' });
  });
});
