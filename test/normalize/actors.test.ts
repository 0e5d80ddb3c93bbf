import { describe, expect, it } from 'vitest';
import { actorIds, run } from './fixture.ts';

describe('generic mentions map to generic actors (ACLED style)', () => {
  it('the army, troops, government forces -> Syrian Armed Forces', () => {
    expect(actorIds('The army shelled Baba Amr.')).toEqual(['syrian-armed-forces']);
    expect(actorIds('Government forces entered Khalidiya.')).toEqual(['syrian-armed-forces']);
    expect(actorIds('Troops took up positions in Homs.')).toEqual(['syrian-armed-forces']);
  });
  it('rebels, opposition fighters, insurgents -> Rebels', () => {
    expect(actorIds('Rebels withdrew from Homs.')).toEqual(['rebels']);
    expect(actorIds('Opposition fighters held Khalidiya.')).toEqual(['rebels']);
  });
  it('protesters, civilians keep their category anywhere', () => {
    expect(actorIds('Protesters gathered in Kiev.')).toEqual(['protesters']);
  });
});

describe('army only as the Syrian armed force', () => {
  it('a named force containing "Army" is that force', () => {
    expect(actorIds('The Free Syrian Army attacked a checkpoint in Homs.')).toEqual(['free-syrian-army']);
    expect(actorIds('The Army of Conquest took Idlib.')).toEqual(['army-of-conquest']);
  });
  it('another country\'s army is not the Syrian army', () => {
    expect(actorIds('Turkish Army positions in Aleppo Governorate')).toEqual(['turkish-armed-forces']);
    expect(actorIds('Jordanian troops crossed into Syria.')).toEqual([]);
  });
  it('generic words need a sentence or document about Syria', () => {
    expect(actorIds('The army seized power in Mali.')).toEqual([]);
    expect(actorIds('The government fell.')).toEqual([]);
    expect(actorIds('The government fell.', { documentPlaceIds: ['homs', 'homs', 'baba-amr'] })).toEqual(['syrian-government']);
  });
});

describe('an outlet named for a people, used as the adjective', () => {
  it('The Australian dollar, town, Transport Safety Bureau are not the newspaper', () => {
    expect(actorIds('The Australian dollar scaled multi-month peaks against the yen.')).toEqual([]);
    expect(actorIds('The Australian town of Gympie is threatened by the flooded Mary River.')).toEqual([]);
    expect(actorIds('The Australian Transport Safety Bureau reports that the search is over.')).toEqual([]);
  });
  it('the newspaper where the name ends the phrase or does what an outlet does', () => {
    const sources = (t: string) => run(t).sources.map((x) => x.id);
    expect(sources('The Australian newspaper published the interview.')).toEqual(['the-australian']);
    expect(sources('The Australian reported that the talks had failed.')).toEqual(['the-australian']);
    expect(run("The Australian's correspondent said that the talks had failed.").actors.map((a) => a.id)).toEqual(['the-australian']);
  });
});

describe('modifiers are not parties', () => {
  it('rebel-held / FSA-controlled / pro-opposition', () => {
    expect(actorIds('The rebel-held district of Baba Amr was shelled by tanks.')).toEqual(['syrian-armed-forces']);
    expect(actorIds('the FSA-controlled Baba Amr district')).toEqual([]);
  });
  it('a generic head after a name belongs to the name (Hezbollah fighters)', () => {
    expect(actorIds('60 Hezbollah fighters were killed in al-Qusayr.')).toEqual(['hezbollah']);
  });
  it('a journalist of a named outlet is still a journalist', () => {
    expect(actorIds('a Sky News correspondent entered Homs')).toEqual(['journalists', 'sky-news']);
  });
  it('the longest name wins: an Air Force base is a place, not the air force', () => {
    const r = run('rebels captured an Air Force missile base north of Homs');
    expect(r.places.map((p) => p.id)).toEqual(['al-ghanto-air-base', 'homs']);
    expect(r.actors.map((a) => a.id)).toEqual(['rebels']);
  });
});

describe('generic heads named for a party after them, and more names', () => {
  it('fighters from / militants of a named armed party are that party', () => {
    expect(actorIds('A convoy was turned back by fighters from the Nusra Front on 7 May.', { documentPlaceIds: ['homs'] })).toEqual(['al-nusra-front']);
    expect(actorIds('Militants of the Islamic State attacked Homs on 3 May.', { documentPlaceIds: ['homs'] })).toEqual(['islamic-state']);
    expect(actorIds('Fighters from the town of Rastan left on 3 May.', { documentPlaceIds: ['homs'] })).toEqual(['rebels']);
  });
  it('government helicopters, the Syrian Coalition', () => {
    expect(actorIds('Government helicopters dropped barrel bombs on Homs on 3 May.', { documentPlaceIds: ['homs'] })).toEqual(['syrian-air-force']);
    expect(actorIds('The Syrian Coalition said on 3 May the talks failed.', { documentPlaceIds: ['homs'] })).toEqual([]);
    expect(run('The Syrian Coalition said on 3 May the talks failed.', { documentPlaceIds: ['homs'] }).sources.map((s) => s.id)).toEqual(['syrian-opposition-coalition']);
  });
});

describe('a named armed group that holds a place', () => {
  it('is a party of the sentence (FSA-held), where a generic holder is not', () => {
    expect(actorIds('On 8 June 2012, shelling picked up in the FSA-held al-Kalidiyah.')).toEqual(['free-syrian-army']);
    expect(actorIds('On 9 June, shelling picked up in the rebel-held neighborhood of al-Ghouta.')).toEqual([]);
  });
});
