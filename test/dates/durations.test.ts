import { describe, it } from 'vitest';
import { expectTimex } from './helpers.ts';

describe('durations and sets', () => {
  it('counted durations with their modifiers', () => {
    expectTimex('The siege lasted three years.', 'three years', { val: 'P3Y' });
    expectTimex('It was a one-year truce.', 'one-year', { val: 'P1Y' });
    expectTimex('He ruled for nearly a year.', 'nearly a year', { val: 'P1Y', mod: 'LESS_THAN' });
    expectTimex('A sixty-day period followed.', 'sixty-day', { val: 'P60D' });
  });

  it('vague durations and sets', () => {
    expectTimex('Fighting lasted several days.', 'several days', { val: 'PXD' });
    expectTimex('Elections are held annually.', 'annually', { val: 'XXXX' });
  });
});
