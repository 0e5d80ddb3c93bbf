import { describe, expect, it } from 'vitest';
import { dateDocument } from '../../pipeline/dates/index.ts';
import { documentOf, narrative } from './fixtures.ts';
import { expectTimex, tag } from './helpers.ts';

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

describe('the past 24 hours, the last three years: one span ending at the current time', () => {
  it('is one TIMEX with the duration\'s value', () => {
    expectTimex('At least 20 people were killed over the past 24 hours.', 'the past 24 hours', { val: 'PT24H' }, '2012-02-07');
    expectTimex('In the last three years, thousands fled.', 'the last three years', { val: 'P3Y' });
    expectTimex('The country had grown over the past decade.', 'the past decade', { val: 'P1DE' });
    expectTimex('During the past week they fought.', 'the past week', { val: 'P1W' });
  });
  it('is no span in `the last year of`, `the last two days before`, or a bare plural', () => {
    expect(tag('It was the last year of the war.').map((e) => e.val)).toEqual([undefined]);
    expect(tag('In the last two days before the attack they hid.').map((e) => e.text)).not.toContain('the last two days');
    expect(tag('The past years were hard.').map((e) => e.text)).not.toContain('The past years');
  });
  it('dates a statement from that long before the current time to it', () => {
    const news = dateDocument(documentOf('At least 20 people were killed in Homs over the past 24 hours, the Observatory said. The shelling has gone on for the past four days. In the past three months, 500 died.', 'news-text', '2012-02-07')).dates;
    expect(news.get(0)).toMatchObject({ start: '2012-02-06', end: '2012-02-07', precision: 'interval', qualifier: 'during' });
    expect(news.get(1)).toMatchObject({ start: '2012-02-03', end: '2012-02-07' });
    expect(news.get(2)).toMatchObject({ start: '2011-11-07', end: '2012-02-07' });
    // in news the span ends at the publication, wherever the story has gone
    const moved = dateDocument(documentOf('Seven months ago, he tried to escape. For the last three months he had eaten no bread.', 'news-text', '2014-02-15')).dates;
    expect(moved.get(1)).toMatchObject({ start: '2013-11-15', end: '2014-02-15' });
    const story = dateDocument(narrative('In 1975 the war ended. In the past decade alone, a million had been killed.')).dates;
    expect(story.get(1)).toMatchObject({ start: '1965-01-01', end: '1975-12-31' });
  });
});

describe('spans of unstated length, and parts of an event', () => {
  it('after days of fighting, by years of conflict, within minutes', () => {
    expectTimex('After days of harsh fighting, the fort fell.', 'days', { val: 'PXD' });
    expectTimex('Roads were damaged by years of conflict.', 'years', { val: 'PXY' });
    expectTimex('The garrison was stocked with months of food.', 'months', { val: 'PXM' });
    expectTimex('The ship sank within minutes.', 'minutes', { val: 'PTXM' });
    expect(tag('The days were long.').map((e) => e.text)).toEqual([]);
  });
  it('the first year of the war, the last years of his life: a TIMEX with no value', () => {
    expectTimex('During the first year of the war, Abbas fought.', 'the first year of the war', {});
    expectTimex('He supported it in the last years of his life.', 'the last years of his life', {});
    expectTimex('In the last month of World War II, Soviet forces attacked.', 'the last month of World War II', {});
    expect(tag('It was the first phase of the war.').map((e) => e.text)).toEqual([]);
  });
});
