import { describe, it } from 'vitest';
import { expectTimex } from './helpers.ts';

describe('parts of periods', () => {
  it('reads early / mid / late months', () => {
    expectTimex('In May 2011 the army moved in. In late October, the FSA struck.', 'late October', { val: '2011-10', mod: 'END' });
    expectTimex('In 2012 the siege began. Shelling eased in mid-February.', 'mid-February', { val: '2012-02', mod: 'MID' });
    expectTimex('By early October, Poland was divided.', 'early October', { val: 'XXXX-10', mod: 'START' });
  });

  it('reads parts of years and edges', () => {
    expectTimex('Talks resumed in early 2014.', 'early 2014', { val: '2014', mod: 'START' });
    expectTimex('By the end of 2013 the rebels were trapped.', 'the end of 2013', { val: '2013', mod: 'END' });
    expectTimex('In 1940 France fell. By the end of the month, Paris was taken.', 'the end of the month', { val: undefined, mod: undefined });
  });

  it('reads seasons, with and without a year', () => {
    expectTimex('The offensive came in the spring of 2012.', 'the spring of 2012', { val: '2012-SP' });
    expectTimex('In 1862 the army rested. In the summer, it marched north.', 'the summer', { val: '1862-SU' });
    expectTimex('The late 1960s were violent.', 'The late 1960s', { val: '196', mod: 'END' });
  });
});
