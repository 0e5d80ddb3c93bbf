// Tombstones: every id a release drops is listed with a reason, and the list is carried forward
// so an id is never silently lost. An id that comes back (same content again) leaves the list.
import type { Row } from './model.ts';
import type { PreviousRelease, TableDiff } from './diff.ts';

const REASON_RULES: ReadonlyArray<{ table: string; reason: (ctx: WithdrawContext) => { reason: string; superseded_by: string | null } }> = [
  {
    table: 'statements',
    reason: (c) => {
      const old = c.old;
      const doc = old.document_id ?? '';
      if (!c.documentIds.has(doc)) return { reason: `document ${doc} is no longer in the release`, superseded_by: null };
      // a new statement over the same characters replaces it: the sentence was re-segmented or corrected
      const start = Number(old.char_start);
      const end = Number(old.char_end);
      const over = c.newStatements.find((s) => s.document_id === doc && (s.char_start as number) < end && (s.char_end as number) > start);
      if (over) return { reason: 'sentence text or boundaries changed (new id from new content)', superseded_by: over.statement_id as string };
      return { reason: 'no longer extracted as a dated statement by this release\'s rules', superseded_by: null };
    },
  },
  { table: 'documents', reason: () => ({ reason: 'removed from raw/sources.json', superseded_by: null }) },
  { table: 'places', reason: () => ({ reason: 'removed from the place gazetteer', superseded_by: null }) },
  { table: 'actors', reason: () => ({ reason: 'removed from the actor gazetteer', superseded_by: null }) },
];

interface WithdrawContext {
  old: Record<string, string>;
  documentIds: Set<string>;
  newStatements: readonly Row[];
}

export function withdrawnRows(version: string, diffs: Record<string, TableDiff>, previous: PreviousRelease | undefined, rows: Record<string, readonly Row[]>): Row[] {
  if (!previous) return [];
  const present = new Map<string, Set<string>>();
  for (const t of ['statements', 'documents', 'places', 'actors']) {
    const key = `${t.slice(0, -1)}_id`;
    present.set(t, new Set((rows[t] ?? []).map((r) => r[key] as string)));
  }
  const out = new Map<string, Row>();
  // carried forward, unless the id is back
  for (const w of previous.withdrawn) {
    if (present.get(w.table ?? '')?.has(w.id ?? '')) continue;
    out.set(`${w.table}\u0000${w.id}`, { table: w.table ?? '', id: w.id ?? '', withdrawn_in: w.withdrawn_in ?? '', reason: w.reason ?? '', superseded_by: w.superseded_by || null });
  }
  const documentIds = present.get('documents') ?? new Set<string>();
  for (const rule of REASON_RULES) {
    const prevTable = previous.tables.get(rule.table);
    for (const id of diffs[rule.table]?.removed ?? []) {
      const old = prevTable?.rows.get(id) ?? {};
      const { reason, superseded_by } = rule.reason({ old, documentIds, newStatements: rows.statements ?? [] });
      out.set(`${rule.table}\u0000${id}`, { table: rule.table, id, withdrawn_in: version, reason, superseded_by });
    }
  }
  return [...out.values()].sort((a, b) => ((a.table as string) + '\u0000' + (a.id as string) < (b.table as string) + '\u0000' + (b.id as string) ? -1 : 1));
}
