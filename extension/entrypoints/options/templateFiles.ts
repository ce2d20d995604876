// The template library as a file, and back: JSON (the whole TemplateInput of each template)
// and CSV (one row per template, for spreadsheets). Pure, no DOM, so both directions are
// tested in Node and the options page only adds buttons around them.
//
// CSV: RFC 4180, UTF-8 with a byte-order mark (without it Excel reads Persian and Hebrew as
// Latin-1), CRLF between records, lists joined with "|", one `variant:<platform>` column
// per platform. Formula injection: a cell that a spreadsheet would run as a formula (it
// starts with = + - @, a tab or a carriage return, possibly after apostrophes) is written
// with one more apostrophe in front, and a cell that starts with apostrophes followed by
// one of those characters loses exactly one apostrophe when read. Every text therefore
// comes back as it was written, and nothing in an exported cell runs as a formula.
import type { z } from 'zod';
import { MAX_IMPORT, PLATFORMS, type ImportProblem, type Platform, type Template, TemplateInput } from '../../../shared/schemas';

export const FILE_FORMAT = 'chorus-templates';
export const FILE_VERSION = 1;
/** Files above this are refused before they are read (the server takes 20 MiB per import). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

type TemplateFields = z.output<typeof TemplateInput>;
export interface FileEntry {
  /** The line of the file where the entry starts (1 = the first line). */
  line: number;
  input: TemplateFields;
}
export interface FileProblem {
  /** null when the problem is the file as a whole. */
  line: number | null;
  field?: string;
  message: string;
}
export type ParsedFile = { ok: true; entries: FileEntry[] } | { ok: false; problems: FileProblem[] };

const BOM = '\uFEFF';
const LIST_SEPARATOR = '|';

/** What a template is as a file entry: its TemplateInput, without server bookkeeping. */
export function toInput(template: Template): TemplateFields {
  return {
    id: template.id,
    title: template.title,
    body: template.body,
    categories: [...template.categories],
    platforms: [...template.platforms],
    lang: template.lang,
    shortcut: template.shortcut,
    variants: { ...template.variants },
    private: template.private,
  };
}

export function toJson(templates: readonly Template[]): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, templates: templates.map(toInput) }, null, 2)}\n`;
}

// ---------- CSV ----------

const BASE_COLUMNS = ['id', 'title', 'body', 'shortcut', 'lang', 'categories', 'platforms', 'private'] as const;
const variantColumn = (platform: Platform) => `variant:${platform}`;
export const CSV_COLUMNS: readonly string[] = [...BASE_COLUMNS, ...PLATFORMS.map(variantColumn)];

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;
const defuse = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
const restore = (cell: string) => (ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell);

function csvCell(value: string): string {
  const cell = defuse(value);
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function toCsv(templates: readonly Template[]): string {
  const rows = templates.map((t) =>
    [
      t.id,
      t.title,
      t.body,
      t.shortcut ?? '',
      t.lang ?? '',
      t.categories.join(LIST_SEPARATOR),
      t.platforms.join(LIST_SEPARATOR),
      String(t.private),
      ...PLATFORMS.map((p) => t.variants[p] ?? ''),
    ].map(csvCell),
  );
  return `${BOM}${[CSV_COLUMNS, ...rows].map((row) => `${row.join(',')}\r\n`).join('')}`;
}

export interface CsvRecord {
  /** The physical line the record starts on; quoted fields may span several. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180, leniently: CRLF, LF or a lone CR end a record, `""` inside quotes is a quote,
 * a quote inside an unquoted field is kept as text. `unterminated` is the line of a record
 * whose quote never closes.
 */
export function parseCsv(text: string): { records: CsvRecord[]; unterminated?: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      atFieldStart = true;
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) return { records, unterminated: recordLine };
  if (!atFieldStart || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return { records };
}

function csvEntries(text: string): { raw: { line: number; value: Record<string, unknown> }[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const { records, unterminated } = parseCsv(text);
  if (unterminated !== undefined) {
    return { raw: [], problems: [{ line: unterminated, message: 'a quoted cell is never closed: a " is missing' }] };
  }
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...body] = rows;
  if (!header) return { raw: [], problems };
  const known = new Set(CSV_COLUMNS);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  columns.forEach((name, index) => {
    if (!known.has(name)) problems.push({ line: header.line, field: name, message: `unknown column "${header.fields[index]!.trim()}"; the columns are ${CSV_COLUMNS.join(', ')}` });
    else if (columns.indexOf(name) !== index) problems.push({ line: header.line, field: name, message: `the column "${name}" appears twice` });
  });
  for (const required of ['title', 'body']) {
    if (!columns.includes(required)) problems.push({ line: header.line, field: required, message: `the header has no "${required}" column` });
  }
  if (problems.length > 0) return { raw: [], problems };

  const raw = body.map((record) => {
    const cell = (name: string) => {
      const index = columns.indexOf(name);
      return index < 0 ? '' : restore(record.fields[index] ?? '');
    };
    const list = (name: string) =>
      cell(name)
        .split(LIST_SEPARATOR)
        .map((item) => item.trim())
        .filter(Boolean);
    if (record.fields.slice(columns.length).some((f) => f.trim() !== '')) {
      problems.push({ line: record.line, message: `the row has ${record.fields.length} cells but the header names ${columns.length}` });
    }
    const value: Record<string, unknown> = {
      title: cell('title'),
      body: cell('body'),
      shortcut: cell('shortcut').trim() || null,
      lang: cell('lang').trim() || null,
      categories: list('categories'),
      platforms: list('platforms'),
      variants: Object.fromEntries(PLATFORMS.flatMap((p) => (cell(variantColumn(p)) ? [[p, cell(variantColumn(p))]] : []))),
    };
    const id = cell('id').trim();
    if (id) value.id = id;
    const isPrivate = cell('private').trim().toLowerCase();
    if (isPrivate === 'true' || isPrivate === 'false') value.private = isPrivate === 'true';
    else if (isPrivate !== '') value.private = isPrivate; // fails the schema, reported with the rest
    return { line: record.line, value };
  });
  return { raw, problems };
}

// ---------- JSON ----------

/** The line (from 1) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Where a JSON string that opens at `start` closes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/**
 * The offsets where the elements of the template array start: the top-level array, or
 * the `templates` array of the top-level object. Run on text JSON.parse accepted.
 */
export function elementOffsets(text: string): number[] {
  let depth = 0;
  let targetDepth = -1;
  let expectElement = false;
  let lastString = '';
  let key = '';
  let offsets: number[] = [];
  let topIsArray: boolean | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) continue;
    if (expectElement && ch !== ']') {
      offsets.push(i);
      expectElement = false;
    }
    if (ch === '"') {
      const end = stringEnd(text, i);
      lastString = text.slice(i, end + 1);
      i = end;
      continue;
    }
    switch (ch) {
      case '[':
      case '{':
        depth++;
        topIsArray ??= ch === '[';
        if (ch === '[' && (topIsArray ? depth === 1 : depth === 2 && key === 'templates')) {
          targetDepth = depth;
          offsets = [];
          expectElement = true;
        }
        break;
      case ']':
      case '}':
        if (depth === targetDepth) targetDepth = -1;
        depth--;
        break;
      case ',':
        if (depth === targetDepth) expectElement = true;
        break;
      case ':':
        if (depth === 1) key = JSON.parse(lastString) as string;
        break;
    }
  }
  return offsets;
}

/** The line of a JSON.parse error, from V8's "(line 3 column 5)" or "at position 42". */
function syntaxErrorLine(error: unknown, text: string): number | null {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : null;
}

function jsonEntries(text: string): { raw: { line: number | null; value: unknown }[]; problems: FileProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { raw: [], problems: [{ line: syntaxErrorLine(error, text), message: `not valid JSON: ${detail}` }] };
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (data !== null && typeof data === 'object') {
    const { format, version, templates } = data as { format?: unknown; version?: unknown; templates?: unknown };
    if (format !== undefined && format !== FILE_FORMAT) {
      return { raw: [], problems: [{ line: 1, field: 'format', message: `not a Chorus template file (format "${String(format)}")` }] };
    }
    if (typeof version === 'number' && version > FILE_VERSION) {
      return { raw: [], problems: [{ line: 1, field: 'version', message: `made by a newer Chorus (file version ${version}); update the extension` }] };
    }
    list = templates;
  }
  if (!Array.isArray(list)) {
    return { raw: [], problems: [{ line: 1, message: 'expected a list of templates, or an object with a "templates" list' }] };
  }
  const offsets = elementOffsets(text);
  const lines = offsets.length === list.length ? offsets.map((offset) => lineAt(text, offset)) : undefined;
  return { raw: list.map((value, index) => ({ line: lines?.[index] ?? null, value })), problems: [] };
}

// ---------- both ----------

export function isJsonFile(name: string, text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  return start === '{' || start === '[' || /\.json$/i.test(name);
}

/** A zod issue as a person reads it; "required" rather than "expected string, received undefined". */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return 'required';
  return issue.message;
}

/** A schema path as the file names it: the CSV column, or the JSON path. */
function fieldName(path: readonly PropertyKey[], csv: boolean): string {
  if (csv && path[0] === 'variants' && path[1] !== undefined) return variantColumn(path[1] as Platform);
  if (csv) return String(path[0] ?? '');
  return path.map(String).join('.');
}

const where = (line: number | null) => (line === null ? 'elsewhere in the file' : `on line ${line}`);

/**
 * Reads a template file, JSON or CSV (by its content, then its name), and checks every
 * entry as the server will: TemplateInput, ids used twice, and shortcuts used twice in one
 * language and privacy (ignoring case). `asPrivate`: every entry will be sent as private.
 */
export function parseTemplateFile(name: string, text: string, options: { asPrivate?: boolean } = {}): ParsedFile {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, problems: [{ line: null, message: 'the file is empty' }] };
  const csv = !isJsonFile(name, content);
  const { raw, problems } = csv ? csvEntries(content) : jsonEntries(content);
  if (problems.length > 0) return { ok: false, problems };
  if (raw.length === 0) return { ok: false, problems: [{ line: null, message: 'the file has no templates' }] };
  if (raw.length > MAX_IMPORT) {
    return { ok: false, problems: [{ line: null, message: `the file has ${raw.length} templates; at most ${MAX_IMPORT} can be imported at once` }] };
  }

  const entries: { line: number | null; input: TemplateFields }[] = [];
  for (const { line, value } of raw) {
    const parsed = TemplateInput.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, field: fieldName(issue.path, csv), message: issueMessage(issue) });
      continue;
    }
    entries.push({ line, input: options.asPrivate ? { ...parsed.data, private: true } : parsed.data });
  }

  const firstWithId = new Map<string, number | null>();
  const firstWithShortcut = new Map<string, number | null>();
  for (const { line, input } of entries) {
    if (input.id !== undefined) {
      const id = input.id.toLowerCase();
      if (firstWithId.has(id)) problems.push({ line, field: 'id', message: `the same id is used ${where(firstWithId.get(id)!)}` });
      else firstWithId.set(id, line);
    }
    if (input.shortcut !== null) {
      const key = JSON.stringify([input.shortcut.toLowerCase(), input.lang?.toLowerCase() ?? '', input.private]);
      if (firstWithShortcut.has(key)) {
        const scope = input.lang ? `language ${input.lang}` : 'any language';
        problems.push({ line, field: 'shortcut', message: `${input.shortcut} is also used ${where(firstWithShortcut.get(key)!)} (${scope})` });
      } else firstWithShortcut.set(key, line);
    }
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, entries: entries.map(({ line, input }, index) => ({ line: line ?? index + 1, input })) };
}

function sortProblems(problems: FileProblem[]): FileProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order)
    .map(({ problem }) => problem);
}

/** The server's problems (by index in the body sent) as problems of the file's lines. */
export function problemsFromServer(entries: readonly FileEntry[], problems: readonly ImportProblem[]): FileProblem[] {
  const lineOf = (index: number) => entries[index]?.line ?? null;
  return sortProblems(
    problems.map(({ index, field, message }) => ({
      line: lineOf(index),
      ...(field ? { field } : {}),
      message: message.replace(/the entry at index (\d+)/g, (_, other: string) => `line ${lineOf(Number(other)) ?? '?'}`),
    })),
  );
}

/** `chorus-templates-kahawa-bora-2025-03-07.csv`: the team's name, folded to letters and digits, and the local date. */
export function exportFileName(teamName: string, kind: 'json' | 'csv', now: Date = new Date()): string {
  const slug =
    teamName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'team';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `chorus-templates-${slug}-${day}.${kind}`;
}
