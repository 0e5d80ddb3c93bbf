import { describe, it } from 'vitest';
import { expectTimex } from './helpers.ts';

describe('times of day', () => {
  it('the night / morning of a date keeps the date (chrono loses it)', () => {
    expectTimex('On 6 May 2011 the army arrived. On the night of 7 May, electricity was cut.', 'the night of 7 May', { val: '2011-05-07TNI' });
    expectTimex('On the morning of 29 February 2012, shelling resumed.', 'the morning of 29 February 2012', { val: '2012-02-29TMO' });
  });

  it('the next morning is the next day', () => {
    expectTimex('By 10 May 2011 the city was surrounded. However, the next morning, fire was heard.', 'the next morning', { val: '2011-05-11TMO' });
  });

  it('clock times take the current day', () => {
    expectTimex('The evacuation began on Wednesday. It started at about 10am local time.', 'about 10am local time', { val: '2014-05-07T10:00', mod: 'APPROX' }, '2014-05-07');
    expectTimex('On 29 June 2013 the army attacked. The bombardment started at nine in the morning.', 'nine in the morning', { val: '2013-06-29T09:00' });
  });

  it('parts of the day after a preposition take the current day', () => {
    expectTimex('On 7 May 2014 buses left. By sunset about 600 had left.', 'sunset', { val: '2014-05-07TEV' });
  });
});

describe('the night of a range of days', () => {
  it('is the first day\'s night', () => {
    expectTimex('In 1904 another attempt during the night of 3-4 May also failed.', 'the night of 3', { val: '1904-05-03TNI' });
    expectTimex('In 1904 another attempt during the night of 3-4 May also failed.', '4 May', { val: '1904-05-04' });
  });
});
