// The ingest stage: decoded text + manifest entry -> Document, through the reader for its kind.
import type { Document, DocumentKind, Message } from '../types.ts';
import { message } from '../diagnostics.ts';
import { detectKind, unrecognisedFormat } from './detect.ts';
import { readHtml } from './html.ts';
import { readNewsText } from './news.ts';
import { readPlainText } from './plain.ts';
import { readWcepMarkdown } from './wcep.ts';
import { readWikipediaText } from './wikipedia.ts';

type Reader = (id: string, path: string, text: string) => { document: Document; messages: Message[] };

const READERS: Record<DocumentKind, Reader> = {
  'wcep-markdown': readWcepMarkdown,
  'wikipedia-text': readWikipediaText,
  'news-text': readNewsText,
  html: readHtml,
  'plain-text': readPlainText,
};

export interface IngestInput {
  id: string;
  path: string;
  text: string;
  kind?: DocumentKind;
  /** Publication date from the manifest; it wins over one read from the document. */
  published?: string;
  title?: string;
}

export function ingest(input: IngestInput): { document?: Document; messages: Message[] } {
  if (!input.kind) {
    const format = unrecognisedFormat(input.text, input.path);
    if (format) {
      return {
        messages: [
          message({
            reason: `Unexpected ${format} content, expected a document in a known format (Current Events markdown, Wikipedia text, news text, HTML, plain text); set \`kind\` in the manifest if this is wrong`,
            ruleId: 'ingest-unknown-format',
            stage: 'ingest',
            file: input.path,
          }),
        ],
      };
    }
  }
  const kind = input.kind ?? detectKind(input.text).kind;
  const { document, messages } = READERS[kind](input.id, input.path, input.text);
  if (input.published) {
    document.published = input.published;
    document.publishedFrom = 'manifest';
  }
  if (input.title && !document.title) document.title = input.title;
  return { document, messages };
}

export { detectKind };
