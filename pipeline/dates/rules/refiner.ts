// A refiner rewrites the recognised mentions (in document order) once all rules have run:
// attaching part words and prepositions, joining ranges. Each has an id stamped on its output.
import type { Mention } from '../model.ts';

export interface Refiner {
  id: string;
  refine: (mentions: Mention[], text: string) => Mention[];
}
