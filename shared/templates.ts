// Reply-template rendering. Pure and DOM-free: it runs in the content script (shortcut
// expansion, picker) and on the options page (editor preview, typo flags).
//
// Syntax
// - Variables: {{author.firstName}} {{author.name}} {{author.handle}} {{agent.name}}
//   {{agent.firstName}} {{brand}} {{item.url}} {{platform}}. Names are case-sensitive;
//   whitespace inside the braces is ignored. {{platform}} is the site's brand name ("X").
// - Fallback, used when the variable has no value: {{author.firstName | "there"}}. Quotes
//   may be "…", '…', “…”, „…“, ”…”, ‘…’, «…», »…« or Hebrew ״…״; an unquoted fallback is
//   taken as written. A variable with neither value nor fallback renders as "" and is
//   reported in `missing`.
// - Fill-in fields, typed by the member before inserting: {{fill:Order number}} or with a
//   default {{fill:Order number | "your order"}}. Labels may be in any language; the same
//   label (whitespace-collapsed, NFC) is one field, asked once. A default given at any
//   occurrence is the field's default. A field with neither value nor default renders as ""
//   and is reported in `unfilled`.
// - Anything else in braces ({{autor.name}}, {{Brand}}) is an unknown name: reported so the
//   editor can flag the typo, and rendered literally as written.
// - A "{{" with no "}}" after it renders literally (and is reported as a syntax problem).
//   There is no escape syntax.
// Values are inserted once, never re-parsed: an author called "{{brand}}" stays that.
import { PLATFORM_NAMES } from './platforms.ts';
import type { Platform, Template } from './schemas.ts';

export const TEMPLATE_VARIABLES = [
  'author.firstName',
  'author.name',
  'author.handle',
  'agent.name',
  'agent.firstName',
  'brand',
  'item.url',
  'platform',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateContext {
  author?: { name?: string; handle?: string };
  agent?: { name?: string };
  brand?: string;
  item?: { url?: string };
  platform?: Platform;
}

/** Offsets are UTF-16 indexes into the template body, `end` exclusive. */
export type TemplateToken =
  | { type: 'text'; text: string; start: number; end: number }
  | { type: 'variable'; name: TemplateVariable; fallback: string | null; raw: string; start: number; end: number }
  | { type: 'field'; label: string; fallback: string | null; raw: string; start: number; end: number }
  | { type: 'unknown'; name: string; raw: string; start: number; end: number };

export interface TemplateProblem {
  kind: 'unclosed-braces' | 'empty-field-label' | 'unclosed-quote';
  start: number;
  end: number;
}

export interface TemplateAnalysis {
  tokens: TemplateToken[];
  /** Each variable once, with the first fallback written for it (null: none). */
  variables: { name: TemplateVariable; fallback: string | null }[];
  /** Each field once, in order of first use. */
  fields: { label: string; fallback: string | null }[];
  unknown: string[];
  problems: TemplateProblem[];
}

export interface RenderedTemplate {
  text: string;
  missing: TemplateVariable[];
  unfilled: string[];
}

/** Opening quote → closing quote. Several languages open with the mark others close with. */
const QUOTES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '“': '”',
  '”': '”',
  '„': '“',
  '‘': '’',
  '«': '»',
  '»': '«',
  '״': '״',
};

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);

function normalizeLabel(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Splits "name | fallback" and unquotes the fallback. */
function splitFallback(inner: string): { head: string; fallback: string | null; badQuote: boolean } {
  const bar = inner.indexOf('|');
  if (bar < 0) return { head: inner.trim(), fallback: null, badQuote: false };
  const head = inner.slice(0, bar).trim();
  const written = inner.slice(bar + 1).trim();
  const close = QUOTES[written[0] ?? ''];
  if (close === undefined) return { head, fallback: written, badQuote: false };
  if (written.length >= 2 && written.endsWith(close)) return { head, fallback: written.slice(1, -1), badQuote: false };
  return { head, fallback: written.slice(1), badQuote: true };
}

function classify(raw: string, start: number, problems: TemplateProblem[]): TemplateToken {
  const end = start + raw.length;
  const { head, fallback, badQuote } = splitFallback(raw.slice(2, -2));
  if (badQuote) problems.push({ kind: 'unclosed-quote', start, end });
  if (head.startsWith('fill:')) {
    const label = normalizeLabel(head.slice('fill:'.length));
    if (label) return { type: 'field', label, fallback, raw, start, end };
    problems.push({ kind: 'empty-field-label', start, end });
    return { type: 'unknown', name: head, raw, start, end };
  }
  if (KNOWN.has(head)) return { type: 'variable', name: head as TemplateVariable, fallback, raw, start, end };
  return { type: 'unknown', name: head, raw, start, end };
}

export function parseTemplate(body: string): TemplateAnalysis {
  const tokens: TemplateToken[] = [];
  const problems: TemplateProblem[] = [];
  let textStart = 0;
  let at = body.indexOf('{{');
  while (at >= 0) {
    const close = body.indexOf('}}', at + 2);
    if (close < 0) {
      problems.push({ kind: 'unclosed-braces', start: at, end: body.length });
      break;
    }
    // "{{ a {{b}}": the first "{{" is text; the tag starts at the last "{{" before "}}".
    const tagStart = body.lastIndexOf('{{', close - 1);
    if (tagStart > at) problems.push({ kind: 'unclosed-braces', start: at, end: at + 2 });
    if (tagStart > textStart) tokens.push({ type: 'text', text: body.slice(textStart, tagStart), start: textStart, end: tagStart });
    tokens.push(classify(body.slice(tagStart, close + 2), tagStart, problems));
    textStart = close + 2;
    at = body.indexOf('{{', textStart);
  }
  if (textStart < body.length) tokens.push({ type: 'text', text: body.slice(textStart), start: textStart, end: body.length });

  const variables = new Map<TemplateVariable, string | null>();
  const fields = new Map<string, string | null>();
  const unknown = new Set<string>();
  for (const token of tokens) {
    if (token.type === 'variable' && !variables.get(token.name)) variables.set(token.name, token.fallback);
    if (token.type === 'field' && !fields.get(token.label)) fields.set(token.label, token.fallback);
    if (token.type === 'unknown') unknown.add(token.name);
  }
  return {
    tokens,
    variables: [...variables].map(([name, fallback]) => ({ name, fallback })),
    fields: [...fields].map(([label, fallback]) => ({ label, fallback })),
    unknown: [...unknown],
    problems,
  };
}

/**
 * The first word of a display name, as people are greeted: split on whitespace (not word
 * segmentation, which cuts "Jean-Luc" and CJK names), skipping tokens without a letter
 * ("🌸 Amani" → "Amani"), trimmed of surrounding punctuation. ZWNJ inside Persian names is
 * not whitespace, so it stays.
 */
export function firstName(displayName: string): string {
  const word = displayName.split(/\s+/u).find((w) => /\p{L}/u.test(w)) ?? '';
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, '');
}

function valueOf(name: TemplateVariable, context: TemplateContext): string {
  switch (name) {
    case 'author.name':
      return context.author?.name?.trim() ?? '';
    case 'author.firstName':
      return firstName(context.author?.name ?? '');
    case 'author.handle':
      return context.author?.handle?.trim() ?? '';
    case 'agent.name':
      return context.agent?.name?.trim() ?? '';
    case 'agent.firstName':
      return firstName(context.agent?.name ?? '');
    case 'brand':
      return context.brand?.trim() ?? '';
    case 'item.url':
      return context.item?.url?.trim() ?? '';
    case 'platform':
      return context.platform ? PLATFORM_NAMES[context.platform] : '';
  }
}

/**
 * Renders a template body. `fieldValues` is keyed by field label (as in `parseTemplate`'s
 * `fields`); a blank value counts as not filled.
 */
export function renderTemplate(
  body: string,
  context: TemplateContext,
  fieldValues: Record<string, string> = {},
): RenderedTemplate {
  const { tokens, fields } = parseTemplate(body);
  const values = new Map(Object.entries(fieldValues).map(([label, value]) => [normalizeLabel(label), value]));
  const defaults = new Map(fields.map((f) => [f.label, f.fallback]));
  const missing = new Set<TemplateVariable>();
  const unfilled = new Set<string>();
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text') text += token.text;
    else if (token.type === 'unknown') text += token.raw;
    else if (token.type === 'variable') {
      const value = valueOf(token.name, context) || token.fallback;
      if (value === null) missing.add(token.name);
      text += value ?? '';
    } else {
      const typed = values.get(token.label);
      const value = typed?.trim() ? typed : (defaults.get(token.label) ?? null);
      if (value === null) unfilled.add(token.label);
      text += value ?? '';
    }
  }
  return { text, missing: [...missing], unfilled: [...unfilled] };
}

/** The wording to use on a platform: its variant when the template has one, else the body. */
export function pickBody(template: Pick<Template, 'body' | 'variants'>, platform?: Platform): string {
  return (platform && template.variants[platform]) || template.body;
}

/** Sample values for editor previews, so every variable shows something plausible. */
export const PREVIEW_CONTEXT: Readonly<Required<TemplateContext>> = {
  author: { name: 'Amani Njeri', handle: '@amani' },
  agent: { name: 'Ana Souza' },
  brand: 'Chorus',
  item: { url: 'https://example.com/posts/123' },
  platform: 'x',
};
