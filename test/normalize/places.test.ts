import { describe, expect, it } from 'vitest';
import { documentPlaceIds } from '../../pipeline/normalize/index.ts';
import { gazetteer, placeIds, run } from './fixture.ts';

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

describe('a default sense yields to context', () => {
  it('al-Zahra is the Homs district unless the context is Aleppo', () => {
    expect(placeIds('A car bomb hit al-Zahra.')).toEqual(['al-zahra-homs']);
    expect(placeIds('Aid reached Nubl and Zahraa in the Aleppo countryside.')).toEqual(['nubl', 'al-zahraa', 'aleppo-governorate']);
  });
});
