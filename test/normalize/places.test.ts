import { describe, expect, it } from 'vitest';
import { documentPlaceIds } from '../../pipeline/normalize/index.ts';
import { gazetteer, placeIds, places, run } from './fixture.ts';

describe('names shared by two places are decided from context', () => {
  it('Jobar next to Homs places is the Homs district', () => {
    expect(placeIds('The army captured Jobar and Kafraya near Baba Amr.')).toEqual(['jobar-homs', 'kafraya', 'baba-amr']);
  });
  it('Jobar next to Damascus places is the Damascus district', () => {
    expect(placeIds('Fighting spread from Qaboun to Jobar in Damascus.')).toEqual(['qaboun', 'jobar-damascus', 'damascus']);
  });
  it('al-Ghouta alone takes the place the document is about', () => {
    const homsDoc = documentPlaceIds('Homs. Baba Amr. Khalidiya. Damascus.', gazetteer);
    const damascusDoc = documentPlaceIds('Damascus. Douma. Harasta. Homs.', gazetteer);
    expect(placeIds('The army stormed al-Ghouta.', { documentPlaceIds: homsDoc })).toEqual(['al-ghouta-homs']);
    expect(placeIds('The army stormed al-Ghouta.', { documentPlaceIds: damascusDoc })).toEqual(['eastern-ghouta']);
  });
  it('a section heading counts as context', () => {
    expect(placeIds('Shelling hit the Old City.', { sectionHeadings: ['Siege of Old Homs'] })).toEqual(['old-homs']);
  });
  it('with no context a shared name stays unlinked and says so', () => {
    const r = run('Shelling hit Jobar.');
    expect(r.places).toEqual([]);
    expect(r.messages[0]).toMatchObject({ ruleId: 'place.unresolved', actual: 'Jobar', severity: 'info' });
  });
  it('Old City with no Homs context is not Old Homs', () => {
    expect(placeIds('Pilgrims crowded the Old City.')).toEqual([]);
  });
});

describe('adjectives are not places', () => {
  it('Britain-based', () => {
    expect(placeIds('the Syrian Observatory for Human Rights, a Britain-based monitoring group')).toEqual([]);
  });
});

describe('a spelling one edit from a place name is that place only in its country', () => {
  it('links the drift where the sentence or its document is about Syria', () => {
    expect(placeIds('Shelling hit Khalodiya in Homs.')).toEqual(['khalidiya', 'homs']);
    expect(placeIds('Syrian shelling hit Khalodiya.')).toEqual(['khalidiya']);
    const homsDoc = documentPlaceIds('Homs. Baba Amr. Bab Sebaa.', gazetteer);
    expect(placeIds('Shelling hit Khalodiya.', { documentPlaceIds: homsDoc })).toEqual(['khalidiya']);
  });
  it('drops it elsewhere or with no country in sight, and says why', () => {
    expect(placeIds('Ethiopian and Somali troops capture Baidoa from al-Shabab in Somalia.')).toEqual(['somalia']);
    expect(placeIds('A group headed by Khalifa Haftar launches an attack on the Parliament of Libya.')).toEqual(['libya']);
    const r = run('Shelling hit Khalodiya.');
    expect(r.places).toEqual([]);
    expect(r.rules).toContain('place.drop.fuzzy-elsewhere');
  });
  it('never drops a name matched exactly', () => {
    expect(placeIds('Shelling hit Khalidiya.')).toEqual(['khalidiya']);
  });
});

describe('a currency sign after a name writes the currency, not a place', () => {
  it('US$ amounts name no place, and the same name without the sign still does', () => {
    expect(placeIds('Facebook is acquiring WhatsApp for US$19 billion.')).toEqual([]);
    expect(placeIds('The company was fined US $500,000 by US regulators.')).toEqual(['united-states']);
    expect(run('Comcast buys Time Warner Cable in a US$44 billion deal.').rules).toContain('name.drop.currency');
  });
  it('nor does it count toward the places a document is about', () => {
    expect(documentPlaceIds('A US$2 million fine. Another US$3 million. Troops entered Homs.', gazetteer)).toEqual(['homs']);
  });
});

describe('a default sense yields to context', () => {
  it('al-Zahra is the Homs district unless the context is Aleppo', () => {
    expect(placeIds('A car bomb hit al-Zahra.')).toEqual(['al-zahra-homs']);
    expect(placeIds('Aid reached Nubl and Zahraa in the Aleppo countryside.')).toEqual(['nubl', 'al-zahraa', 'aleppo-governorate']);
  });
});

describe('the countries of the world and their capitals', () => {
  it('are places, with the Wikidata id of their source', () => {
    expect(placeIds('Voters in Malawi go to the polls on 20 May.')).toEqual(['malawi']);
    expect(placeIds('A knife attack on a Taipei Metro train leaves 4 dead on 21 May.')).toEqual(['taipei']);
    const nepal = places.find((p) => p.place_id === 'nepal')!;
    expect(nepal.wikidata_qid).toBe('Q837');
    expect(nepal.wikidata_source).toMatch(/^https:\/\/github\.com\/waldenn\/conzept\/blob\/[0-9a-f]{40}\//);
  });
  it('but not inside a longer name, after a title, in an event\'s name or without its article', () => {
    expect(placeIds('Troops in New Guinea were ordered to withdraw in September 1942.')).toEqual(['new-guinea']);
    expect(placeIds('On 22 September Benin City was retaken.')).toEqual(['benin-city']);
    expect(placeIds('On 10 August 1904 the fleet met Admiral Togo\'s battleship squadron.')).toEqual([]);
    expect(placeIds('Escalation of the Vietnam War started on 31 January 1965.')).toEqual([]);
    expect(placeIds('Police surround the Assembly in Salvador, Bahia, on 3 May.')).toEqual([]);
    expect(placeIds('Voters in El Salvador go to the polls on 3 May.')).toEqual(['el-salvador']);
    expect(placeIds('On 8 March 1965 Marines were sent to South Vietnam.')).toEqual(['south-vietnam']);
  });
});

describe('places the gazetteer does not hold, where the words say a place is meant', () => {
  const named = (text: string) => run(text, { documentPlaceIds: [] }).places.map((p) => `${p.id}:${p.text}`);
  it('the village of X, X District, in X, <a country>', () => {
    expect(named('On 3 May the army shelled the village of Abel near Homs.')).toEqual(['unlisted-abel:Abel', 'homs:Homs']);
    expect(named('On 3 May a plane crashes in Arghakhanchi District, Nepal.')).toEqual(['unlisted-arghakhanchi-district:Arghakhanchi District', 'nepal:Nepal']);
    expect(named('On 3 May an inquiry opens into a prison fire in Comayagua, Honduras.')).toEqual(['unlisted-comayagua:Comayagua', 'honduras:Honduras']);
    expect(named('On 3 May Hezbollah fighters took the village of al-Dabaa.')).toEqual(['unlisted-al-dabaa:al-Dabaa']);
    expect(named('On 3 May warnings were issued in the towns of Cooma, Goulburn and Kiama.')).toEqual(['unlisted-cooma:Cooma', 'unlisted-goulburn:Goulburn', 'unlisted-kiama:Kiama']);
  });
  it('never a gazetteer name, a month, a person, or a name with no word of place around it', () => {
    expect(named('On 3 May, the town of Qusayr fell.')).toEqual(['al-qusayr:Qusayr']);
    expect(named('The siege ended in the month of May 2014.')).toEqual([]);
    expect(named('On 3 May Andrew Wight of Victoria died.')).toEqual([]);
    expect(named('On 3 May a helicopter crashed in Gympie during a storm.')).toEqual([]);
  });
});
