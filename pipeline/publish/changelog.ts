// CHANGELOG.md: the new entry on top of the previous release's changelog.
import type { ReleaseDiff } from './diff.ts';
import type { Row } from './model.ts';

const LISTED = 50; // ids listed in the human changelog; diff.json and withdrawn_ids.csv have them all

export function renderChangelog(diff: ReleaseDiff, date: string, withdrawnNow: readonly Row[], previousChangelog?: string): string {
  const lines: string[] = [];
  lines.push(`## ${diff.to} (${date})`, '');
  lines.push(diff.from ? `Compared with ${diff.from}. Version bump: **${diff.bump}**.` : 'First release.', '');
  if (diff.from && diff.reasons.length) {
    lines.push('Why this bump (Frictionless data-package-version recipe):', '');
    for (const r of diff.reasons) lines.push(`- ${r}`);
    lines.push('');
  }
  lines.push('| table | added | removed | changed |', '| --- | ---: | ---: | ---: |');
  for (const [t, d] of Object.entries(diff.tables)) lines.push(`| ${t} | ${d.added.length} | ${d.removed.length} | ${d.changed.length} |`);
  lines.push('');
  const schema = diff.schema.filter((c) => c.change !== 'new table' || diff.from);
  if (diff.from && schema.length) {
    lines.push('Schema changes:', '');
    for (const c of schema) lines.push(`- \`${c.table}${c.field ? `.${c.field}` : ''}\`: ${c.change} (${c.bump})`);
    lines.push('');
  }
  if (withdrawnNow.length) {
    lines.push('Withdrawn ids (all of them in `withdrawn_ids.csv`):', '');
    for (const w of withdrawnNow.slice(0, LISTED)) lines.push(`- \`${w.table}\` \`${w.id}\`: ${w.reason}${w.superseded_by ? `; superseded by \`${w.superseded_by}\`` : ''}`);
    if (withdrawnNow.length > LISTED) lines.push(`- ... and ${withdrawnNow.length - LISTED} more`);
    lines.push('');
  }
  const changed = Object.entries(diff.tables).flatMap(([t, d]) => d.changed.slice(0, LISTED).map((c) => `- \`${t}\` \`${c.id.split('\u0000').join(' / ')}\`: ${c.fields.join(', ')}`));
  if (changed.length) lines.push('Corrected rows (first ones; all in `diff.json`):', '', ...changed.slice(0, LISTED), '');
  const entry = lines.join('\n');
  const history = previousChangelog?.replace(/^# Changelog\s*/u, '').trim();
  return `# Changelog\n\n${entry}${history ? `\n${history}\n` : ''}`;
}
