// Diagnostics are collected, never thrown: one message type for every stage.
import { LineIndex } from './positions.ts';
import type { Message, Severity, Span } from './types.ts';

export interface MessageInit {
  reason: string;
  ruleId: string;
  stage: string;
  file: string;
  severity?: Severity;
  actual?: string;
  expected?: string;
  /** JSON Pointer of the offending value, for problems inside a JSON record. */
  pointer?: string;
}

/** A message placed at a span of a file's text (or at no place when the problem is the whole file). */
export function message(init: MessageInit, at?: { text: string; span: Span } | { lines: LineIndex; span: Span }): Message {
  const out: Message = { severity: 'error', ...init };
  // a build keeps every message to its end: none may keep the text its words were cut from
  for (const k of DETACHED) if (out[k] !== undefined) out[k] = detached(out[k] as string);
  if (at) {
    const lines = 'lines' in at ? at.lines : new LineIndex(at.text);
    out.place = { start: lines.point(at.span.start), end: lines.point(at.span.end) };
  }
  return out;
}

const DETACHED = ['reason', 'actual', 'expected', 'pointer'] as const;

/**
 * A copy of `s` that keeps nothing else alive. V8 makes a substring of 13 or more characters a
 * view of the whole string it was cut from, so a document title or a diagnostic's quoted words,
 * held to the end of a build, would each hold a whole document's text (10,900 of them at 100x).
 */
export function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** `path:line:col-line:col: reason [rule-id]`, the form editors and CI annotate. */
export function formatMessage(m: Message): string {
  const where = m.place
    ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}`
    : '1:1';
  return `${m.file}:${where}: ${m.reason} [${m.ruleId}]`;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: file, position, severity, rule. */
export function sortMessages(messages: Message[]): Message[] {
  return [...messages].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.place?.start.offset ?? -1) - (b.place?.start.offset ?? -1) ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.reason, b.reason),
  );
}

export function hasErrors(messages: readonly Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
