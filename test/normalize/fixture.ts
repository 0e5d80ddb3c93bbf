// The real gazetteer, compiled once for the normalize tests.
import { readFileSync } from 'node:fs';
import type { ActorRecord, PlaceRecord } from '../../pipeline/types.ts';
import { compileGazetteer, normalizeSentence, type NormalizeContext } from '../../pipeline/normalize/index.ts';

export const places = JSON.parse(readFileSync(new URL('../../gazetteer/places.json', import.meta.url), 'utf8')) as PlaceRecord[];
export const actors = JSON.parse(readFileSync(new URL('../../gazetteer/actors.json', import.meta.url), 'utf8')) as ActorRecord[];
export const gazetteer = compileGazetteer({ places, actors });

export function run(text: string, ctx: Partial<NormalizeContext> = {}) {
  return normalizeSentence(text, 0, { gazetteer, ...ctx });
}
export const placeIds = (text: string, ctx: Partial<NormalizeContext> = {}) => run(text, ctx).places.map((p) => p.id);
export const actorIds = (text: string, ctx: Partial<NormalizeContext> = {}) => [...new Set(run(text, ctx).actors.map((a) => a.id))].sort();
