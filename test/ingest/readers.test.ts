import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind, ingest } from '../../pipeline/ingest/index.ts';
import { readDateline } from '../../pipeline/ingest/news.ts';
import { rawSpan } from '../../pipeline/process.ts';
import type { Document } from '../../pipeline/types.ts';

const read = (p: string): string => readFileSync(new URL(p, import.meta.url), 'utf8');
const doc = (path: string, text = read(path)): Document => ingest({ id: 'd', path, text }).document!;
const sentenceTexts = (d: Document, kind?: string): string[] =>
  d.sentences.filter((s) => !kind || d.blocks[s.block]?.kind === kind).map((s) => s.text);

/** Every piece keeps offsets into the text it came from. */
function expectOffsetsExact(d: Document): void {
  for (const s of d.sentences) expect(d.text.slice(s.span.start, s.span.end)).toBe(s.text);
  for (const sec of d.sections) if (sec.headingSpan) expect(d.text.slice(sec.headingSpan.start, sec.headingSpan.end)).toBe(sec.heading);
}

describe('Wikipedia plain text (real seed)', () => {
  const d = doc('../../raw/wikipedia-siege-of-homs.txt');
  it('reads the title, the infobox fields and headings of every depth and spacing', () => {
    expect(d.kind).toBe('wikipedia-text');
    expect(d.title).toBe('Siege of Homs');
    const fields = d.blocks.filter((b) => b.kind === 'infobox-field');
    expect(fields.map((b) => b.key)).toContain('Date');
    const date = fields.find((b) => b.key === 'Date');
    expect(d.text.slice(date!.valueSpan!.start, date!.valueSpan!.end)).toBe('6 May 20119 May 2014, ()');
    const headings = d.sections.map((s) => [s.level, s.heading]);
    expect(headings).toContainEqual([2, 'Siege']);
    expect(headings).toContainEqual([3, 'May 2011 resistance']);
    expect(headings).toContainEqual([4, 'Death of Gilles Jacquier']);
    expect(headings).toContainEqual([3, 'June–July 2012 army offensive']);
    const jacquier = d.sections.find((s) => s.heading === 'Death of Gilles Jacquier')!;
    expect(d.sections[jacquier.parent!]!.heading).toBe('January 2012 clashes and first Karm al-Zeitoun massacre');
    expectOffsetsExact(d);
  });
  it('keeps list items apart from paragraphs and never merges a heading into a sentence', () => {
    expect(sentenceTexts(d, 'list-item').some((t) => t.startsWith('Damascus-born filmmaker'))).toBe(true);
    expect(d.sentences.some((s) => /==/.test(s.text))).toBe(false);
  });
});

describe('Current Events markdown', () => {
  it('reads the per-item layout (real seed): headline, sub-line, sources, related items dated by their link paths', () => {
    const d = doc('../../raw/wcep-2014-02-07-homs-civilians-evacuated.md');
    expect(d.kind).toBe('wcep-markdown');
    expect(d.published).toBe('2014-02-07');
    const headline = d.blocks.find((b) => b.kind === 'headline')!;
    expect(headline.structuralDate).toBe('2014-02-07');
    const related = d.blocks.filter((b) => b.kind === 'related');
    expect(related.map((b) => b.structuralDate)).toEqual(['2017-03-18', '2017-02-25', '2016-09-05', '2016-04-12', '2016-02-21']);
    expect(related[0]!.tags).toEqual(['Homs']);
    expect(d.blocks.filter((b) => b.kind === 'source').map((b) => d.text.slice(b.span.start, b.span.end))).toEqual(['The Washington Post']);
    expect(sentenceTexts(d, 'paragraph')).toEqual(['The evacuations raise hopes ahed of a second round of peace talks']);
    expectOffsetsExact(d);
  });
  it('reads the newer day-page layout: topics, empty topic lines, context tags, navigation skipped', () => {
    const d = doc('../fixtures/wcep/day-page-newer.md');
    expect(d.kind).toBe('wcep-markdown');
    expect(d.sections.map((s) => s.heading)).toEqual(['', 'Syrian Army']);
    const items = d.blocks.filter((b) => b.kind === 'headline');
    expect(items.map((b) => b.structuralDate)).toEqual(['2014-02-12', '2014-02-12']);
    expect(items[1]!.tags).toEqual(['Syria', 'Homs']);
    expect(sentenceTexts(d)).toEqual([
      'The Syrian Army begins an assault on Yabrud.',
      'Activists said on Wednesday that troops pounded rebel towns.',
      'An item with no blurb.',
    ]);
    expectOffsetsExact(d);
  });
});

describe('Current Events markdown: a blurb that is its site\'s description', () => {
  const page = [
    '## [2014-05-3](/news/2014/05/3/index.md)',
    '',
    '##### Indian police',
    '### [Police arrest 29 people. ](/news/2014/05/3/police-arrest-29-people.md)',
    'Get the latest international news and world events from Asia, Europe, the Middle East, and more. See world news photos and videos at ABCNews.com',
    '',
    '### [Stocks fall. ](/news/2014/05/3/stocks-fall.md)',
    'Find the latest business news on Wall Street, jobs and the economy on ABC News',
    '',
    '### [Troops enter Homs. ](/news/2014/05/3/troops-enter-homs.md)',
    'The latest news from Homs is that 600 people left the Old City.',
    '',
  ].join('\n');
  const r = ingest({ id: 'd', path: 'news/2014/05/3/index.md', text: page });
  const d = r.document!;
  const paragraphs = d.blocks.filter((b) => b.kind === 'paragraph');
  it('is kept in the document, undated, and said so with its file and line', () => {
    expect(paragraphs.map((b) => d.text.slice(b.span.start, b.span.end).slice(0, 24))).toEqual(['Get the latest internati', 'Find the latest business', 'The latest news from Hom']);
    expect(paragraphs.map((b) => b.structuralDate)).toEqual([undefined, undefined, '2014-05-03']);
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.file, m.place?.start.line])).toEqual([
      ['wcep-site-blurb', 'info', 'news/2014/05/3/index.md', 5],
      ['wcep-site-blurb', 'info', 'news/2014/05/3/index.md', 8],
    ]);
  });
  it('leaves every item headline dated', () => {
    expect(d.blocks.filter((b) => b.kind === 'headline').map((b) => b.structuralDate)).toEqual(['2014-05-03', '2014-05-03', '2014-05-03']);
  });
});

describe('news text', () => {
  it('reads the SBS dateline, caption and paragraphs (real seed)', () => {
    const d = doc('../../raw/sbs-2014-05-07-homs-evacuation-begins.txt');
    expect(d.kind).toBe('news-text');
    expect(d.published).toBe('2014-05-07T21:01');
    expect(d.blocks.find((b) => b.kind === 'dateline')).toBeDefined();
    expect(sentenceTexts(d, 'caption')).toHaveLength(1);
    expect(sentenceTexts(d, 'caption')[0]).toMatch(/^A file picture taken on January 27, 2014.*\(AAP\)$/);
    expect(d.sentences.some((s) => s.text.includes('UPDATED'))).toBe(false);
    expectOffsetsExact(d);
  });
  it('reads a headline, a byline and a month-first dateline', () => {
    const d = doc('../fixtures/news/dateline-mdy.txt');
    expect(d.kind).toBe('news-text');
    expect(d.title).toBe('Rebels leave Homs');
    expect(d.published).toBe('2014-05-07T21:01');
    expect(d.blocks.map((b) => b.kind)).toEqual(['headline', 'byline', 'dateline', 'paragraph']);
  });
  it('lets the manifest date win over the dateline', () => {
    const text = read('../fixtures/news/dateline-mdy.txt');
    const d = ingest({ id: 'd', path: 'x', text, published: '2014-05-07T21:01+10:00' }).document!;
    expect(d.published).toBe('2014-05-07T21:01+10:00');
    expect(d.publishedFrom).toBe('manifest');
  });
});

describe('HTML', () => {
  it('reads a Wikipedia page: title, infobox, headings, paragraphs, lists; scripts, styles, comments, refs skipped; entities decoded', () => {
    const raw = read('../fixtures/html/wikipedia-article.html');
    const d = doc('../fixtures/html/wikipedia-article.html', raw);
    expect(d.kind).toBe('html');
    expect(d.title).toBe('Battle of al-Qusayr');
    const date = d.blocks.find((b) => b.key === 'Date')!;
    expect(d.text.slice(date.span.start, date.span.end)).toBe('19 May – 5 June 2013');
    expect(d.sections.map((s) => s.heading)).toEqual(['', 'Aftermath']);
    const texts = sentenceTexts(d);
    expect(texts).toContain('On 19 May 2013, the Syrian Army and Hezbollah launched an assault.');
    expect(texts).toContain('Rebels held out for weeks & the town fell on 5 June.');
    expect(texts).toContain('A list item about 6 June 2013.');
    expect(d.text).not.toMatch(/pwned|color: red|comment that must not|Navigation text|\[1\]|\[edit\]/);
    // Broken nesting (<b> never closed, <p> inside <p>) still gives both paragraphs.
    expect(texts).toContain('Fighting moved to Homs');
    expect(texts).toContain('where the army advanced.');
    // Every character of the view maps back to the same character in the raw file (entities to their start).
    for (const s of d.sentences) {
      const r = rawSpan(d, s.span);
      expect(raw.slice(r.start, r.start + 1)).toBe(s.text[0] === '&' ? '&' : s.text[0]);
    }
    const amp = d.text.indexOf('&');
    expect(raw.slice(d.rawOffsets![amp], d.rawOffsets![amp]! + 5)).toBe('&amp;');
  });
  it('reads a news article: published time from its meta tag, caption, astral characters', () => {
    const d = doc('../fixtures/html/news-article.html');
    expect(d.published).toBe('2014-05-07T21:01+10:00');
    expect(d.title).toBe('Evacuation of Homs begins');
    expect(sentenceTexts(d, 'caption')).toEqual(['Buses leave the Old City. (AFP)']);
    expect(sentenceTexts(d)).toContain('Emoji 🚌 stay intact.');
    expect(d.rawOffsets!.length).toBe(d.text.length + 1);
  });
});

describe('plain narrative text', () => {
  it('reads titles standing alone and paragraphs (a WikiWars article)', () => {
    const d = doc('../../../shared/corpus/wikiwars/01_WW2.txt');
    expect(d.kind).toBe('plain-text');
    expect(d.sections.slice(1, 3).map((s) => s.heading)).toEqual(['Course of the war', 'War breaks out in Europe']);
    expect(d.sentences[0]!.text).toMatch(/^On September 1, 1939, Germany and Slovakia/);
    expectOffsetsExact(d);
  });
});

describe('detectKind', () => {
  it.each([
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['## [2012-02-3](/news/2012/02/3/index.md)\n\n### [A](/news/2012/02/3/a.md)\n', 'wcep-markdown'],
    ['= Title =\n\nInfobox\n- Date: 2011\n\n== Background ==\nText.', 'wikipedia-text'],
    ['Headline\n7 May 2014 - 9:01 PM\nBody text.', 'news-text'],
    ['Heavy shelling rocks Homs\n\nAFP, Tuesday 7 Feb 2012\n\nBody text.', 'news-text'],
    ['Homs toll up\n\nHaro Chakmakjian, AFP\nLast updated: 21 March, 2012\n\nBody text.', 'news-text'],
    ['Syrian army controls Khalidiya\n\nSun Jul 28, 2013 18:40:27\n\nBody text.', 'news-text'],
    ['Syria says army retakes Homs district\n\nMon, Jul 29, 2013\n\nBody text.', 'news-text'],
    ['Just some prose. With sentences on 3 May 2011.', 'plain-text'],
  ])('detects %j as %s', (text, kind) => {
    expect(detectKind(text).kind).toBe(kind);
  });
});

describe('news datelines', () => {
  it('an agency credit, a label and a comma before the year open a dateline; the first dates the article', () => {
    const text = 'Homs toll up\n\nAFP, Tuesday 20 Mar 2012\nLast updated: 21 March, 2012\n\nTroops shelled Khaldiyeh on Wednesday, activists said.';
    const d = doc('afp.txt', text);
    expect(d.published).toBe('2012-03-20');
    expect(d.blocks.filter((b) => b.kind === 'dateline')).toHaveLength(2);
    expect(sentenceTexts(d, 'paragraph')).toEqual(['Troops shelled Khaldiyeh on Wednesday, activists said.']);
  });
  it("a publisher's name (words or a domain) before the date, and an ordinal day, open a dateline; an infobox key does not", () => {
    const cases: Array<[string, string | undefined]> = [
      ['ABC News, February 22, 2012, 8:06 AM', '2012-02-22T08:06'],
      ['Agenzia Fides, Monday, 7 April 2014', '2014-04-07'],
      ['South China Morning Post, Saturday, 15 February, 2014, 1:59am', '2014-02-15T01:59'],
      ['VOA, March 1st, 2012 at 6:00 pm (UTC-5)', '2012-03-01T18:00'],
      ['un-report.blogspot.co.uk, Wednesday, August 15, 2012', '2012-08-15'],
      ['Date: 6 May 2011 – 9 May 2014', undefined],
      ['Siege of Homs, 6 May 2011 was the start of the war', undefined],
    ];
    for (const [line, want] of cases) expect(readDateline(line, 0)?.published, line).toBe(want);
    expect(detectKind('Rebels retreat\n\nVOA, March 1st, 2012 at 6:00 pm (UTC-5)\n\nRebels said Thursday they are leaving.').kind).toBe('news-text');
  });
  it('a prose line that opens with a date is no dateline', () => {
    const d = doc('n.txt', 'Headline\n7 May 2014 - 9:01 PM\n\nUpdated 8 May 2014 the army said it had entered the Old City.');
    expect(d.blocks.filter((b) => b.kind === 'dateline')).toHaveLength(1);
  });
});

describe('news HTML dates', () => {
  const page = (head: string, body: string) => `<!DOCTYPE html><html><head><title>T</title>${head}</head><body><article><h1>Homs district retaken</h1>${body}</article></body></html>`;
  it("reads schema.org JSON-LD's datePublished without running anything, and a dateline paragraph is no sentence", () => {
    const d = doc('a.html', page('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2013-07-29T11:02:00+01:00"}]}</script>', '<p>Mon, Jul 29, 2013</p><p>The army said today it had retaken Khalidiya.</p>'));
    expect(d.published).toBe('2013-07-29T11:02+01:00');
    expect(d.blocks.some((b) => b.kind === 'dateline')).toBe(true);
    expect(d.sentences.map((s) => s.text)).toEqual(['The army said today it had retaken Khalidiya.']);
  });
  it('passes over JSON-LD that does not parse, and falls back to the dateline', () => {
    const d = doc('b.html', page('<script type="application/ld+json">{not json</script>', '<p>Mon, Jul 29, 2013</p><p>The army said today it had retaken Khalidiya.</p>'));
    expect(d.published).toBe('2013-07-29');
  });
  it('reads itemprop datePublished', () => {
    const d = doc('c.html', page('<meta itemprop="datePublished" content="2014-05-07">', '<p>Rebels left the Old City on Wednesday.</p>'));
    expect(d.published).toBe('2014-05-07');
  });
});

describe('nonEnglish', () => {
  it('tells a page in another language or script, and leaves every seed English', async () => {
    const { nonEnglish } = await import('../../pipeline/ingest/language.ts');
    expect(nonEnglish("Le forze governative siriane hanno conquistato una storica moschea nella città di Homs. L'agenzia di stampa statale Sana ha citato un ufficiale il quale ha sostenuto che le truppe di Assad hanno espugnato la moschea nel quartiere di Khaldiyeh, che è stato uno di quelli dove si sono verificati gli scontri più pesanti tra forze regolari e ribelli, e anche il governo ha detto che la città è sotto controllo.")?.language).toBe('it');
    expect(nonEnglish('Para aktivis mengatakan paling sedikit seorang anak termasuk diantara para korban dalam serangan artileri terhadap daerah Baba Amro. Jumlah yang tewas tidak dapat dikukuhkan karena Suriah membatasi operasi media asing. Serangan itu terjadi dengan tank dan pasukan di sekitar Homs dalam persiapan untuk serangan darat dari utara.')?.language).toBe('id');
    expect(nonEnglish('قال نشطاء ان قوات الحكومة السورية قتلت 12 شخصا على الاقل في قصف مدفعي كثيف لاحد أحياء مدينة حمص')?.language).toBe('ar');
    for (const seed of ['wikipedia-siege-of-homs.txt', 'sbs-2014-05-07-homs-evacuation-begins.txt', 'wcep-2014-02-07-homs-civilians-evacuated.md']) {
      expect(nonEnglish(read(`../../raw/${seed}`))).toBeUndefined();
    }
    expect(nonEnglish('Rebels left.')).toBeUndefined();
  });
});
