import { describe, expect, it } from 'vitest';
import { run } from './fixture.ts';

const claims = (text: string) => run(text, { documentPlaceIds: ['homs'] }).sources.map((s) => `${s.id}:${s.kind}`);
/** A sentence's actors and its sources (with their kinds). */
const roles = (text: string) => {
  const r = run(text, { documentPlaceIds: ['homs'] });
  return { actors: r.actors.map((a) => a.id), sources: r.sources.map((s) => `${s.id}:${s.kind}`) };
};

describe('claim kinds', () => {
  it('according to X -> reported', () => {
    expect(claims('According to SOHR, 32 soldiers were killed.')).toEqual(['syrian-observatory-for-human-rights:reported']);
  });
  it('X said / reported -> reported', () => {
    expect(claims('On 9 February, activists said 93 people were killed in Homs.')).toEqual(['activists:reported']);
  });
  it('X claimed / alleged -> claimed', () => {
    expect(claims('SANA claimed that seven rebels were killed.')).toEqual(['sana:claimed']);
  });
  it('X denied -> denied', () => {
    expect(claims('The Syrian government denied the reports.')).toEqual(['syrian-government:denied']);
  });
  it('X confirmed -> confirmed', () => {
    expect(claims('SOHR confirmed the military had recaptured the whole of Baba Amr.')).toEqual(['syrian-observatory-for-human-rights:confirmed']);
  });
  it('opposition video showed -> the activists who posted it', () => {
    expect(claims('On 30 May, opposition video allegedly showed that the military had recommenced shelling of Homs.')).toEqual(['activists:reported']);
  });
  it('state TV broadcast', () => {
    expect(claims('That night, state TV broadcast a report from the mosque.')).toEqual(['syrian-state-tv:reported']);
  });
  it('a rebel negotiator said', () => {
    expect(claims('The evacuation started on Wednesday, a rebel negotiator said.')).toEqual(['rebels:reported']);
  });
  it('told AFP: speaker and addressee are both sources', () => {
    expect(claims('On 27 December, activists told AFP that 61 civilians had died.')).toEqual(['afp:reported', 'activists:reported']);
  });
});

describe('what comes between a speaker and the verb', () => {
  it('a rank and name set off by commas', () => {
    expect(claims('On 28 December, the head of the Arab League observers, Sudanese Lieutenant General Mohammed Ahmed Mustafa al-Dabi, said the situation was calm in Homs.')).toEqual(['arab-league:reported']);
  });
  it('a relative clause set off by commas', () => {
    expect(claims('British journalist Paul Conroy, who escaped the city a few days prior, described the situation as a massacre.')).toEqual(['journalists:reported']);
    expect(claims('The FSA, which holds Baba Amr, said it would not leave.')).toEqual(['free-syrian-army:reported']);
  });
  it('but not a clause that is not relative', () => {
    expect(claims('Rebels held the district, and tanks, shelling all night, said nothing.')).toEqual([]);
  });
  it('an adverb after a passive auxiliary keeps the verb passive', () => {
    expect(claims('By 25 January 120 civilians and 30 rebels were also reported to have been killed in Homs.')).toEqual([]);
  });
  it('a channel named after its agency is a source of its own', () => {
    expect(claims('SANA state TV later claimed a colonel was captured in Homs.')).toEqual(['syrian-state-tv:claimed', 'sana:claimed']);
  });
});

describe('a named party calling for something', () => {
  it('is a source and stays an actor', () => {
    expect(roles('The Syrian National Council called for an emergency UN Security Council meeting on Homs.')).toEqual({
      actors: ['syrian-national-council', 'un-security-council'],
      sources: ['syrian-national-council:reported'],
    });
  });
  it('not a protest calling for reform, nor a generic group', () => {
    expect(roles('Thousands hold a protest in Homs calling for reform.').sources).toEqual([]);
    expect(roles('Protesters called for the release of prisoners in Homs.').sources).toEqual([]);
  });
});

describe('an armed party that speaks also acts', () => {
  it('the FSA announcing its council, the military reporting its kills', () => {
    expect(roles('On 3 September, a colonel from the FSA announced the formation of a council in Homs.')).toEqual({ actors: ['free-syrian-army'], sources: ['free-syrian-army:reported'] });
    expect(roles('On 13 October, the military reported killing 25 rebels in Homs.')).toEqual({ actors: ['syrian-armed-forces', 'rebels'], sources: ['syrian-armed-forces:reported'] });
  });
  it('a monitor or a news agency only reports', () => {
    expect(roles('SANA reported that rebels attacked a checkpoint in Homs.')).toEqual({ actors: ['rebels'], sources: ['sana:reported'] });
  });
});

describe('a government speaks through its office holders', () => {
  it('a demonym and an office name the government, as actor or as source', () => {
    expect(claims('Russian Foreign Minister Sergey Lavrov said the plan was dead.')).toEqual(['russian-government:reported']);
    expect(run('On 5 August, Syrian defence minister Fahd Jassem al-Freij met with SAA troops in Khalidiya.', { documentPlaceIds: ['homs'] }).actors.map((a) => a.id)).toEqual(['syrian-government', 'syrian-armed-forces']);
  });
  it('a name set off by commas between the office and the verb is skipped', () => {
    expect(claims('In April 2012, French president, Nicolas Sarkozy, accused the government of seeking to wipe Homs off the map.')).toEqual(['french-government:claimed']);
  });
  it('but not when the words between the commas are an actor of their own', () => {
    expect(claims('On Monday the monitor, SOHR, said that 20 people had died in Homs.')).toEqual(['syrian-observatory-for-human-rights:reported']);
  });
});

describe('claiming lives is not a claim', () => {
  it('a count or the lives after claims', () => {
    expect(claims('An al-Qaeda suicide bombing claims at least 26 people in the city of Mukalla.')).toEqual([]);
    expect(claims('The shelling of Homs claimed the lives of 30 civilians.')).toEqual([]);
  });
  it('but a number before a clause is what was claimed', () => {
    expect(claims('SANA claimed 20 rebels were killed in Homs.')).toEqual(['sana:claimed']);
    expect(claims('SANA claimed 20 people were killed in Homs.')).toEqual(['sana:claimed']);
  });
});

describe('a passive speech verb with its agent further on', () => {
  it('names the speaker after by', () => {
    expect(claims('Mortars were described as falling "like rain" on Khalidiya by an activist.')).toEqual(['activists:reported']);
    expect(claims('It was reported by SANA that rebels attacked a checkpoint.')).toEqual(['sana:reported']);
  });
  it('not the agent of another verb or of an act between', () => {
    expect(claims('Ten people were reported killed by government forces in Homs.')).toEqual([]);
    expect(claims('The bombing was said to have been carried out by rebels.')).toEqual([]);
    expect(claims('It was described as the most vicious attack by the Army yet.')).toEqual([]);
  });
  it('not past the end of the clause', () => {
    expect(claims('Shelling was reported in Homs. Later a protest was broken up by the army.')).toEqual([]);
  });
});

describe('claims are kept apart from actors', () => {
  it('a monitor that reports is not an actor of the event', () => {
    const r = run('The Syrian Observatory for Human Rights reports that militants attacked two bases in Homs.');
    expect(r.sources.map((s) => s.id)).toEqual(['syrian-observatory-for-human-rights']);
    expect(r.actors.map((a) => a.id)).toEqual(['rebels']);
  });
  it('a party that speaks can also act', () => {
    const r = run('The FSA said it had destroyed four Army tanks.');
    expect(r.sources.map((s) => s.id)).toEqual(['free-syrian-army']);
    expect(r.actors.map((a) => a.id)).toContain('syrian-armed-forces');
  });
  it('claiming responsibility is acting, not reporting', () => {
    const r = run('The Islamic State of Iraq and the Levant claims responsibility.');
    expect(r.sources).toEqual([]);
    expect(r.actors.map((a) => a.id)).toEqual(['islamic-state']);
  });
  it('a passive claim has no speaker', () => {
    expect(claims('"500" tanks were claimed to have been seen near the city.')).toEqual([]);
  });
  it('conflicting figures from different sources stay separate claims', () => {
    const r1 = run('The Syrian National Council claimed 416 residents were killed.');
    const r2 = run('The Local Coordination Committees stated that 181 people had been killed.');
    expect([r1.sources[0]!.id, r1.casualties.killedLow]).toEqual(['syrian-national-council', 416]);
    expect([r2.sources[0]!.id, r2.casualties.killedLow]).toEqual(['local-coordination-committees', 181]);
  });
});
