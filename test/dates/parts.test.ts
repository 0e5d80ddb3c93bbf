import { describe, expect, it } from 'vitest';
import { dateDocument } from '../../pipeline/dates/index.ts';
import { narrative } from './fixtures.ts';
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

describe('winters: named by the year they end in, and a narrative going forward', () => {
  it('the winter after an autumn is the next year\'s, and so is the spring after it', () => {
    const text = 'The army was gathered in the autumn of 481 BC. It passed the winter at Sardis. Early in spring it moved to Abydos.';
    expectTimex(text, 'the winter', { val: 'BC0480-WI' });
    expectTimex(text, 'Early in spring', { val: 'BC0480-SP', mod: 'START' });
    expectTimex('By the middle of summer 1919 the Reds were larger. The Allies left before the onset of winter.', 'winter', { val: '1920-WI' });
  });
  it('a winter under a year, or after a month before the autumn, is the one that ends in it', () => {
    expectTimex('Campaign of 1905. Harsh winter slowed the armies.', 'winter', { val: '1905-WI' });
    expectTimex('In June 479 BC the Allies met. Over the winter there had been tension.', 'the winter', { val: 'BC0479-WI' });
  });
  it('that winter, the following winter, the previous winter', () => {
    expectTimex('In October 1862 the army camped. That winter was hard.', 'That winter', { val: '1863-WI' });
    expectTimex('In April 1863 the army marched. The previous winter had been hard.', 'The previous winter', { val: '1863-WI' });
    expectTimex('In April 1863 the army marched. The following winter was hard.', 'The following winter', { val: '1864-WI' });
  });
  it('the winter of 1914 begins in December 1914 and keeps its written year', () => {
    const doc = narrative('In the winter of 1914, Villa and Zapata entered Mexico City. In March, they left.');
    const { dates } = dateDocument(doc);
    expect(dates.get(0)).toMatchObject({ start: '1914-12-01', end: '1915-02-28', precision: 'season' });
    expect(dates.get(1)).toMatchObject({ start: '1915-03-01', end: '1915-03-31' });
    expectTimex('In the winter of 1914, Villa and Zapata entered Mexico City.', 'the winter of 1914', { val: '1914-WI' });
  });
  it('a winter the narrative reached runs from the December before its year\'s February', () => {
    const doc = narrative('Campaign of 1905. Harsh winter slowed the armies.');
    expect(dateDocument(doc).dates.get(1)).toMatchObject({ start: '1904-12-01', end: '1905-02-28', precision: 'season' });
  });
});
