import { describe, expect, it } from 'vitest';
import { expectTimex, tag } from './helpers.ts';

describe('absolute dates', () => {
  it('reads day-month-year and month-day-year orders', () => {
    expectTimex('On 8 May 2011, troops entered the city.', '8 May 2011', { val: '2011-05-08' });
    expectTimex('On September 1, 1939, Germany attacked Poland.', 'September 1, 1939', { val: '1939-09-01' });
    expectTimex('It began on the 3rd of March 1918.', '3rd of March 1918', { val: '1918-03-03' });
    // `Sep` without a stop, as in a table of events
    expectTimex('2 Sep 1870 Surrender of the Army of Chalons', '2 Sep 1870', { val: '1870-09-02' });
  });

  it('reads month-year and years with eras', () => {
    expectTimex('The siege began in May 2011.', 'May 2011', { val: '2011-05' });
    expectTimex('They signed a pact in February of 1940.', 'February of 1940', { val: '1940-02' });
    expectTimex('The Persians returned in 480 BC with a larger army.', '480 BC', { val: 'BC0480' });
    expectTimex('The fleet sailed in April 480 BC.', 'April 480 BC', { val: 'BC0480-04' });
  });

  it('takes a missing year from the narrative', () => {
    expectTimex('On 6 May 2011, protests grew. On 8 May, tanks entered.', '8 May', { val: '2011-05-08' });
    expectTimex('In 1941 the war spread. In June, Germany invaded.', 'June', { val: '1941-06' });
  });

  it('reads bare years, decades and centuries', () => {
    expectTimex('Fighting resumed in 2012 across the country.', '2012', { val: '2012' });
    expectTimex('Tensions grew in the 1960s.', 'the 1960s', { val: '196' });
    expectTimex('It was an eighteenth-century idea.', 'eighteenth-century', { val: '17' });
    expectTimex('Forts of the 4th century BC survive.', 'the 4th century BC', { val: 'BC03' });
  });

  it('reads a Current Events day heading (ISO with a one-digit day)', () => {
    expectTimex('### [2014-02-7](/news/2014/02/7/index.md)', '2014-02-7', { val: '2014-02-07' });
  });

  it('reads holidays with the narrative year', () => {
    expectTimex('The offensive stalled in 1963. By Christmas 1963 it had failed.', 'Christmas 1963', { val: '1963-12-25' });
  });

  it('keeps attributive years as values but not as anchors', () => {
    const text = 'In February 2012 the army attacked. Unlike the 1982 Hama massacre, the assault on 5 February was filmed.';
    expectTimex(text, '1982', { val: '1982' });
    expectTimex(text, '5 February', { val: '2012-02-05' });
  });

  it('does not read a count after a day and month as a year (On 9 February 611 civilians)', () => {
    const text = 'In January 2014 talks began. On 9 February 611 civilians left the Old City.';
    expectTimex(text, '9 February', { val: '2014-02-09' });
    expect(tag(text).some((e) => e.text.includes('611'))).toBe(false);
  });
});
