import { describe, expect, it } from 'vitest';
import { run } from './fixture.ts';
import { processDocument } from '../../pipeline/process.ts';
import { createStages } from '../../pipeline/stages.ts';

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
  it('spoke to AFP: who spoke and to whom', () => {
    expect(claims('On 3 March, activists had spoken to AFP of heavy shelling.')).toEqual(['afp:reported', 'activists:reported']);
    expect(claims('The army shelled the town, speaking to AFP on 3 March.')).toEqual(['afp:reported']);
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

const stages = createStages();
const statementsOf = (text: string) =>
  processDocument({ id: 't', path: 't.txt', kind: 'plain-text', published: '2012-10-20', sha256: '' }, Buffer.from(text), 't.txt', stages).statements;
/** Each dated statement of a plain-text document: its first words and its sources (id and the words credited). */
const statementSources = (text: string) =>
  statementsOf(text).map((s) => `${s.text.split(' ').slice(0, 2).join(' ')} <- ${s.sources.map((x) => `${x.id}:${x.text}`).join(',')}`);

describe('a pronoun that speaks again: the speaker of an earlier sentence', () => {

  it('He added: the speaker named in the sentence before', () => {
    expect(statementSources('A Homs resident said on 14 October that the shelling was very heavy. He added that the army had taken Khalidiya on 15 October.')).toEqual([
      'A Homs <- civilians:Homs resident',
      'He added <- civilians:He',
    ]);
  });
  it('from a sentence with no date, after an opening phrase, and across sentences that say nothing', () => {
    expect(statementSources('SOHR said the shelling was very heavy. Fighting went on. On 15 October, she also said that 20 people had died.')).toEqual([
      'On 15 <- syrian-observatory-for-human-rights:she',
    ]);
  });
  it('through a chain of pronouns, with the kind of its own verb', () => {
    expect(statementSources('SANA said the army advanced. He added that rebels fled. He claimed that 30 rebels died on 15 October.')).toEqual(['He claimed <- sana:He']);
  });
  it('the party that interviewed someone reports what was said', () => {
    expect(statementSources('Human Rights Watch interviewed a security officer who said that detainees were moved. He estimated that on 21 December 400 detainees were moved.')).toEqual([
      'He estimated <- human-rights-watch:He',
    ]);
    expect(claims('A man interviewed by the BBC on 3 March said the district was empty.')).toEqual(['bbc:reported']);
  });
  it('the subject of a speech verb, not its addressee', () => {
    expect(statementSources('Activists told AFP the district fell. He said 12 people were killed on 15 October.')).toEqual(['He said <- activists:He']);
  });
  it('not past a speaker who is not a known party', () => {
    expect(statementSources('SOHR said the shelling was heavy. Abu Omar, a doctor, said the clinic was full. He added that 12 people died on 15 October.')).toEqual(['He added <- ']);
  });
  it('not a pronoun inside a clause, nor beyond three sentences', () => {
    expect(statementSources('SOHR said the shelling was heavy. The army came on 15 October and he said nothing.')).toEqual(['The army <- ']);
    expect(statementSources('SOHR said the shelling was heavy. Tanks came. Snipers fired. Mortars fell. He said 12 people died on 15 October.')).toEqual(['He said <- ']);
  });
});

describe('a person the document named with their party speaks for it', () => {
  it('named before the party, set off by commas', () => {
    expect(statementSources('Rami Abdel Rahman, head of the Syrian Observatory for Human Rights, visited Homs. On 3 March, Abdel Rahman said 20 people were killed.')).toEqual([
      'On 3 <- syrian-observatory-for-human-rights:Abdel Rahman',
    ]);
  });
  it('named after a word of their role, and credited by according to', () => {
    expect(statementSources('In early December, a Sky News correspondent, Stuart Ramsay, entered the city. According to Ramsay, on 5 December Homs was a war zone.')).toEqual([
      'In early <- ',
      'According to <- sky-news:Ramsay',
    ]);
  });
  it('named with of, and as the agent of a passive claim', () => {
    expect(statementSources('Omar Idilbi of the Local Coordination Committees spoke in Paris. Idilbi claimed that on 3 March 30 people died in Homs.')).toEqual([
      'Idilbi claimed <- local-coordination-committees:Idilbi',
    ]);
    expect(statementSources('American journalist Paul Conroy escaped. The figure was disputed by Paul Conroy on 3 March.')).toEqual(['The figure <- journalists:Paul Conroy']);
  });
  it('a person is a source only: not an actor of what happens to them', () => {
    const [s] = statementsOf('American journalist Marie Colvin reached Baba Amr. Colvin was killed on 22 February.');
    expect(s!.actors.map((a) => a.id)).toEqual([]);
    expect(s!.sources).toEqual([]);
  });
  it('where the party is named beside the person, that mention speaks', () => {
    expect(statementSources('On 3 March, American journalist Marie Colvin said the shelling was heavy.')).toEqual(['On 3 <- journalists:journalist']);
  });
  it('not a surname two parties share, nor a name of a body', () => {
    expect(statementSources('SOHR director Ali Hassan and FSA commander Omar Hassan met. On 3 March, Hassan said 20 people died.')).toEqual(['On 3 <- ']);
    expect(statementSources('Activists at the Tel Aviv Stock Exchange protested. On 3 March the Stock Exchange said trade stopped.')).toEqual(['On 3 <- ']);
  });
  it('a generic party only of the country the document is about', () => {
    const world = 'Police officer Roger Rogerson was arrested in Sydney. Kevin Rudd spoke in Canberra. Rogerson said on 3 March that he was innocent.';
    expect(statementSources(world)).toEqual(['Rogerson said <- ']);
  });
});

describe('claim verbs that name no speaker', () => {
  it('an adjective or a participle of a claim verb', () => {
    expect(claims('Egyptian security forces arrested an alleged member of the Free Syrian Army on 3 March.')).toEqual([]);
    expect(claims('On 10 February, Malaysia deported Saudi journalist Hamza Kashgari, accused of insulting the prophet.')).toEqual([]);
  });
  it('a comma between a mention and the speaker closes the clause', () => {
    expect(claims('In a 1908 interview with the journalist James Creelman, Díaz stated that Mexico was ready.')).toEqual([]);
  });
  it('a coordinated speech verb takes the first verb\'s subject, when it is the only speaker', () => {
    expect(claims('In early January 2012 the FSA called the Arab League mission a failure and stated that it did not want monitors.')).toEqual(['free-syrian-army:reported']);
    expect(claims('On 3 March activists said the army shelled Baba Amr and claimed 20 dead.')).toEqual(['activists:reported']);
  });
});

describe('a definite phrase that names an earlier speaker', () => {
  it('according to the report', () => {
    expect(statementSources('On 9 October, AFP reported that the refinery was on fire. According to the report, on 9 October the plant ran at 10 percent.')).toEqual([
      'On 9 <- afp:AFP',
      'According to <- afp:the report',
    ]);
  });
  it('and so does the phrase when another speaker is in the sentence too', () => {
    expect(statementSources('On 9 October, AFP reported that the refinery was on fire. According to the report, "the plant had a capacity of 5.7 million tonnes but Prime Minister Wael al-Halqi said on 3 October that it ran at 10 percent."')).toEqual([
      'On 9 <- afp:AFP',
      'According to <- afp:the report,syrian-government:Wael al-Halqi',
    ]);
  });
  it('the Britain-based monitor said, of the kind the phrase names', () => {
    expect(statementSources('SOHR said the army shelled Khalidiya. On 3 March, 20 people were killed, the Britain-based monitor said.')).toEqual([
      'On 3 <- syrian-observatory-for-human-rights:the Britain-based monitor',
    ]);
    expect(statementSources('SANA said the army advanced. On 3 March, 20 people were killed, the monitor said.')).toEqual(['On 3 <- ']);
  });
  it('not a phrase inside another (a member of the group)', () => {
    expect(statementSources('The FSA said it held Baba Amr. On 3 March, a member of the group said 20 fighters died.')).toEqual(['On 3 <- ']);
  });
});

describe('news attribution: inverted verbs, descriptions, capitals', () => {
  it('after a quotation or a clause, the speaker follows the verb', () => {
    expect(claims('"Every five minutes shells come crashing down," said another witness on 21 March.')).toEqual(['civilians:reported']);
    expect(claims('On 21 March activists uncovered 39 bodies in Homs, said SOHR.')).toEqual(['syrian-observatory-for-human-rights:reported']);
  });
  it('but not after a name set off by commas, nor for a verb that is not one of saying', () => {
    expect(claims('In April 2012, French president, Nicolas Sarkozy, accused Syrian President Bashar al-Assad of lying.')).toEqual(['french-government:claimed']);
    expect(claims('A file picture taken on January 27, 2014, shows opposition fighters in Homs.')).toEqual([]);
  });
  it('a description set off by commas: the speaker is before it, or in it', () => {
    expect(claims('The Syrian Observatory for Human Rights, a Britain-based monitoring group, said five civilians were killed on Wednesday.')).toEqual(['syrian-observatory-for-human-rights:reported']);
    expect(claims('Abu Rami, an activist reached by telephone, said the explosions continued on 7 February.')).toEqual(['activists:reported']);
    expect(claims('On 9 October, a resident living in Hamidiya described the Syrian army offensive as psychological warfare, saying that the army made no gains.')).toEqual(['civilians:reported']);
  });
  it('charged that is a claim; charged money or with a crime is not', () => {
    expect(claims('At the time, the opposition charged it was a massacre by government forces.')).toEqual(['syrian-opposition:claimed']);
    expect(claims('Avaaz charged reporters $3000 to enter Baba Amr on 20 February.')).toEqual([]);
  });
  it('a capital that speaks is its government, and no place of the event', () => {
    const r = run('On 21 March, Damascus said it was the work of armed terrorist gangs.', { documentPlaceIds: ['homs'] });
    expect(r.sources.map((s) => `${s.id}:${s.text}`)).toEqual(['syrian-government:Damascus']);
    expect(r.places.map((p) => p.id)).toEqual([]);
    expect(claims("Iran's ambassador to Moscow says Russia could build a reactor.")).toEqual([]);
    expect(claims('The London "Times" reports that a NATO report claims the Taliban will return.')).toEqual([]);
  });
  it('witnesses', () => {
    expect(claims('Gunmen killed at least 90 people in a village on Sunday, witnesses said.')).toEqual(['civilians:reported']);
  });
});

describe('it and they speak again for a party of their kind', () => {
  it('it: a body named before; they: a group', () => {
    expect(statementSources('The Syrian Observatory for Human Rights said clashes went on. But it said the army had retaken the district on 28 July.')).toEqual([
      'But it <- syrian-observatory-for-human-rights:it',
    ]);
    expect(statementSources('Activists said the shelling was heavy. They said 20 people died on 3 March.')).toEqual(['They said <- activists:They']);
  });
  it('not for a party of another kind, and after a quotation only when nothing speaks before', () => {
    expect(statementSources('Activists said the shelling was heavy. It said 20 people died on 3 March.')).toEqual(['It said <- ']);
    expect(statementSources('Amnesty International criticised the mission. "Its head served in Sudan in the 1990s," it said in a statement.')).toEqual([
      '"Its head <- amnesty-international:it',
    ]);
  });
});

describe('names across a possessive, and datelines', () => {
  it("Assad's forces are the army", () => {
    expect(run("On 28 July Assad's forces retook the district.", { documentPlaceIds: ['homs'] }).actors.map((a) => a.id)).toEqual(['syrian-armed-forces']);
    expect(run('On 22 February journalists died in shelling by the forces of President Bashar al-Assad.', { documentPlaceIds: ['homs'] }).actors.map((a) => a.id)).toContain('syrian-armed-forces');
    expect(run('On 22 February forces loyal to President Bashar al-Assad shelled Baba Amr.', { documentPlaceIds: ['homs'] }).actors.map((a) => a.id)).toEqual(['syrian-armed-forces']);
    // the head of state and his ministers, named alone, are the government
    expect(claims('On 3 May, President Bashar al-Assad said the war would be won.')).toEqual(['syrian-government:reported']);
    expect(claims('On 3 May, Foreign Minister Walid Muallem said talks would fail.')).toEqual(['syrian-government:reported']);
  });
  it('a dateline city is where the story was filed from, not a place of the event', () => {
    expect(run('DAMASCUS: The army said on Monday it recaptured Khalidiya.', { documentPlaceIds: ['homs'] }).places.map((p) => p.id)).toEqual(['khalidiya']);
    expect(run('BEIRUT (AFP) - Shelling hit Homs on Monday.', { documentPlaceIds: ['homs'] }).places.map((p) => p.id)).toEqual(['homs']);
    expect(run('Damascus: a city under siege, said activists on 3 May.', { documentPlaceIds: ['homs'] }).places.map((p) => p.id)).toEqual(['damascus']);
    // with its country, the day and a credit
    expect(run('BEIRUT, Lebanon, February 11 (UNHCR) - More than 1,100 civilians fled the Old City of Homs.', { documentPlaceIds: ['homs'] }).places.map((p) => p.id)).toEqual(['old-homs']);
    // after a byline; and the agency that filed it does nothing in the story
    const filed = run('By Amy Sawitta Lefevre and Pracha Hariraksapitak BANGKOK (Reuters) - Thailand\'s military detained Yingluck on 23 May.', { documentPlaceIds: ['homs'] });
    expect(filed.places.map((p) => p.id)).toEqual(['thailand']);
    expect(run('BEIRUT (AFP) - Shelling hit Homs on Monday.', { documentPlaceIds: ['homs'] }).actors.map((a) => a.id)).toEqual([]);
    // a capital opening prose is a place
    expect(run('BEIRUT and Damascus were shelled on 3 May.', { documentPlaceIds: ['homs'] }).places.map((p) => p.id)).toEqual(['beirut', 'damascus']);
  });
});

describe('who a description and a possessive speak for', () => {
  it('the party a description follows speaks, not one named inside it', () => {
    const r = run('The Local Coordination Committees, a network of opposition activists inside Syria, stated that the attack on 25 May was preceded by shelling.', { documentPlaceIds: ['homs'] });
    expect(r.sources.map((s) => s.id)).toEqual(['local-coordination-committees']);
    // what the description names is the speaker's kind, not a party of the attack
    expect(r.actors.map((a) => a.id)).toEqual([]);
  });
  it("a party's own person speaks for it and is no actor (according to Al Jazeera's correspondent)", () => {
    const r = run("According to Al Jazeera's correspondent Hadi al-Abdallah, the army was unable to enter Houla on 25 May.", { documentPlaceIds: ['homs'] });
    expect(r.sources.map((s) => s.id)).toEqual(['al-jazeera']);
    expect(r.actors.map((a) => a.id)).toEqual(['syrian-armed-forces']);
  });
});

describe('a long run of pronouns', () => {
  it('is followed back a bounded way, without deep recursion', () => {
    const run = Array.from({ length: 5000 }, (_, i) => `He added that ${i % 50} shells fell.`).join(' ');
    const statements = statementSources(`SOHR said the shelling was heavy. ${run} He said the army advanced on 3 March.`);
    expect(statements).toEqual(['He said <- ']);
    const near = Array.from({ length: 20 }, () => 'He added that shells fell.').join(' ');
    expect(statementSources(`SOHR said the shelling was heavy. ${near} He said the army advanced on 3 March.`)).toEqual([
      'He said <- syrian-observatory-for-human-rights:He',
    ]);
  });
});
