import { describe, expect, it } from 'vitest';
import { MAX_IMPORT, type Template } from '../../../shared/schemas';
import { CSV_COLUMNS, elementOffsets, exportFileName, parseCsv, parseTemplateFile, problemsFromServer, toCsv, toInput, toJson } from './templateFiles';

const template = (fields: Partial<Template>): Template => ({
  id: crypto.randomUUID(),
  title: 'Thanks',
  body: 'Thanks!',
  categories: [],
  platforms: [],
  lang: null,
  shortcut: null,
  variants: {},
  version: 3,
  deleted: false,
  updatedAt: '2025-03-07T10:00:00.000Z',
  private: false,
  ownerId: null,
  ...fields,
});

const library: Template[] = [
  template({
    title: 'سپاس از شما',
    body: 'سلام {{author.firstName}}،\nممنون از پیام شما! 🙏',
    lang: 'fa',
    shortcut: ';سپاس',
    categories: ['praise', 'question'],
    platforms: ['instagram', 'x'],
    variants: { x: 'ممنون! 🙏', linkedin: 'با سپاس,\n"تیم ما"' },
  }),
  template({ title: 'תודה, "חברים"', body: 'תודה רבה, "חבר"!\r\nנחזור אליך בקרוב.', lang: 'he', shortcut: ';toda', private: true, ownerId: crypto.randomUUID() }),
  template({ title: 'Commas, quotes "and" more', body: 'Hi,\n\n"Quoted", and, commas 🎉👩‍👩‍👧', shortcut: ';hi-there_1' }),
  template({ title: '=HYPERLINK("http://evil")', body: "-1 stars? '=SUM(A1) @home +1", variants: { reddit: '\tTabbed' } }),
  template({ title: "'=already escaped", body: "''+twice" }),
];

const ok = (parsed: ReturnType<typeof parseTemplateFile>) => {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.entries;
};

describe('JSON', () => {
  it('exports TemplateInputs in the Chorus format and reads them back unchanged', () => {
    const text = toJson(library);
    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: 'chorus-templates', version: 1 });
    expect(Object.keys(data.templates[0]).sort()).toEqual(['body', 'categories', 'id', 'lang', 'platforms', 'private', 'shortcut', 'title', 'variants']);
    const entries = ok(parseTemplateFile('x.json', text));
    expect(entries.map((e) => e.input)).toEqual(library.map(toInput));
  });

  it('gives each entry the line where it starts, in the export object or a bare array', () => {
    const text = toJson(library.slice(0, 2));
    const lines = text.split('\n');
    const entries = ok(parseTemplateFile('x.json', text));
    expect(entries.map((e) => lines[e.line - 1]!.trim())).toEqual(['{', '{']);
    expect(entries[0]!.line).toBe(5);

    const bare = `[\n  {"title": "a ] [ , {", "body": "x\\" ,"},\n\n  {"title": "b",\n "body": "y"}, {"title": "c", "body": "z"}\n]`;
    expect(ok(parseTemplateFile('x.json', bare)).map((e) => e.line)).toEqual([2, 4, 5]);
  });

  it('finds the templates array past other keys, however nested', () => {
    const text = '{"meta": {"templates": [1, 2, 3]}, "other": [[], {}],\n"templates": [\n{"title": "a", "body": "b"}]}';
    expect(elementOffsets(text)).toEqual([text.indexOf('{"title"')]);
  });

  it('names the line of a syntax error', () => {
    const parsed = parseTemplateFile('x.json', '{\n  "templates": [\n    {"title": "a",}\n  ]\n}');
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 3 }] });
  });

  it('reports each problem with its line and field, several per entry', () => {
    const text = '[\n{"title": "ok", "body": "fine"},\n{"title": "", "body": "x", "shortcut": "nope", "platforms": ["myspace"]}\n]';
    const parsed = parseTemplateFile('t.json', text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'title'],
      [3, 'platforms.0'],
      [3, 'shortcut'],
    ]);
    expect(parsed.problems[0]!.message).toBe('required');
  });

  it('refuses another format or a newer version', () => {
    expect(parseTemplateFile('x.json', '{"format": "other", "templates": []}')).toMatchObject({ ok: false, problems: [{ field: 'format' }] });
    expect(parseTemplateFile('x.json', '{"format": "chorus-templates", "version": 2, "templates": []}')).toMatchObject({ ok: false, problems: [{ field: 'version' }] });
    expect(parseTemplateFile('x.json', '{"title": "a"}')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });
});

describe('CSV', () => {
  it('exports with a BOM, CRLF, the documented header, and reads every text back unchanged', () => {
    const text = toCsv(library);
    expect(text.startsWith('\uFEFFid,title,body,shortcut,lang,categories,platforms,private,variant:x,variant:linkedin,')).toBe(true);
    expect(CSV_COLUMNS).toHaveLength(8 + 10);
    expect(text.endsWith('\r\n')).toBe(true);
    const entries = ok(parseTemplateFile('x.csv', text));
    expect(entries.map((e) => e.input)).toEqual(library.map(toInput));
  });

  it('puts an apostrophe before a cell a spreadsheet would run, and only there', () => {
    const text = toCsv(library.slice(3));
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"")",`);
    expect(text).toContain(`,'-1 stars? '=SUM(A1) @home +1,`);
    expect(text).toContain(`,'\tTabbed,`);
    expect(text).toContain(`,''=already escaped,`);
    expect(text).toContain(`,'''+twice,`);
    const cells = parseCsv(text).records.flatMap((r) => r.fields);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('lists joined with |, private as true/false', () => {
    const [header, row] = parseCsv(toCsv(library.slice(0, 1))).records;
    const cell = (name: string) => row!.fields[header!.fields.indexOf(name)];
    expect(cell('categories')).toBe('praise|question');
    expect(cell('platforms')).toBe('instagram|x');
    expect(cell('private')).toBe('false');
  });

  it('tracks the line where each record starts across quoted newlines, CRLF and LF', () => {
    const text = 'a,b\r\n"1\r\n2",x\n\n"3\n""4""\n5",y\r\nz,"w"\n';
    expect(parseCsv(text).records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1\r\n2', 'x'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['3\n"4"\n5', 'y'] },
      { line: 8, fields: ['z', 'w'] },
    ]);
  });

  it('names bad rows by their first line, past multi-line cells and empty lines', () => {
    const text = [
      '\uFEFFtitle,body,shortcut,lang',
      'Welcome,"Hello,',
      'and welcome!",;welcome,en',
      '',
      'Bad shortcut,Hi,thanks,en',
      ',No title,,',
      'Good,"Fine",;fine,fa',
    ].join('\r\n');
    const parsed = parseTemplateFile('library.csv', text);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { line: 5, field: 'shortcut', message: 'a ";" followed by 1–32 letters, digits, "_" or "-"' },
        { line: 6, field: 'title', message: 'required' },
      ],
    });
  });

  it('reads a hand-made sheet: a few columns, any case, spaces around lists', () => {
    const entries = ok(parseTemplateFile('sheet.csv', 'Title,Body,Categories,Variant:X,Private\nHi,Hello, question | praise ,Short,TRUE\n'));
    expect(entries).toEqual([
      {
        line: 2,
        input: { title: 'Hi', body: 'Hello', categories: ['question', 'praise'], platforms: [], lang: null, shortcut: null, variants: { x: 'Short' }, private: true },
      },
    ]);
  });

  it('names an unknown column, a missing required one, and a cell never closed', () => {
    expect(parseTemplateFile('a.csv', 'title,body,colour\nx,y,red')).toMatchObject({ ok: false, problems: [{ line: 1, field: 'colour', message: expect.stringContaining('unknown column "colour"') }] });
    expect(parseTemplateFile('a.csv', 'title,shortcut\nx,;y')).toMatchObject({ ok: false, problems: [{ line: 1, field: 'body' }] });
    expect(parseTemplateFile('a.csv', 'title,body\nx,y\nz,"open\nstill open')).toMatchObject({ ok: false, problems: [{ line: 3 }] });
    expect(parseTemplateFile('a.csv', 'title,body,private\nx,y,maybe')).toMatchObject({ ok: false, problems: [{ line: 2, field: 'private' }] });
    expect(parseTemplateFile('a.csv', 'title,body\nx,y,extra')).toMatchObject({ ok: false, problems: [{ line: 2 }] });
  });
});

describe('checks across the file', () => {
  it('reports a shortcut used twice in one language and privacy, ignoring case, with both lines', () => {
    const text = 'title,body,shortcut,lang,private\na,b,;Hi,en,false\nc,d,;hi,fa,false\ne,f,;hi,en,true\ng,h,;HI,en,false\n';
    const parsed = parseTemplateFile('a.csv', text);
    expect(parsed).toEqual({ ok: false, problems: [{ line: 5, field: 'shortcut', message: ';HI is also used on line 2 (language en)' }] });
    // Imported by a member, everything becomes private: line 4 now clashes with line 2.
    const asPrivate = parseTemplateFile('a.csv', text, { asPrivate: true });
    expect(asPrivate.ok ? [] : asPrivate.problems.map((p) => p.line)).toEqual([4, 5]);
  });

  it('reports an id used twice', () => {
    const id = crypto.randomUUID();
    const parsed = parseTemplateFile('a.json', JSON.stringify([{ id, title: 'a', body: 'b' }, { id, title: 'c', body: 'd' }], null, 1));
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 7, field: 'id', message: 'the same id is used on line 2' }] });
  });

  it('refuses an empty file, a header alone, and more than MAX_IMPORT templates', () => {
    expect(parseTemplateFile('a.csv', '\uFEFF \r\n')).toMatchObject({ ok: false, problems: [{ line: null, message: 'the file is empty' }] });
    expect(parseTemplateFile('a.csv', 'title,body\r\n')).toMatchObject({ ok: false, problems: [{ message: 'the file has no templates' }] });
    expect(parseTemplateFile('a.json', '[]')).toMatchObject({ ok: false, problems: [{ message: 'the file has no templates' }] });
    const many = Array.from({ length: MAX_IMPORT + 1 }, (_, i) => ({ title: `t${i}`, body: 'b' }));
    expect(parseTemplateFile('a.json', JSON.stringify(many))).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining(`at most ${MAX_IMPORT}`) }] });
  });

  it('tells JSON from CSV by content first, then by name', () => {
    expect(ok(parseTemplateFile('export.txt', '\uFEFF\n  [{"title": "a", "body": "b"}]'))).toHaveLength(1);
    expect(ok(parseTemplateFile('export.json.csv', 'title,body\na,b'))).toHaveLength(1);
    expect(parseTemplateFile('broken.json', 'title,body')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not valid JSON') }] });
  });

  it('maps the server’s problems back to lines', () => {
    const entries = ok(parseTemplateFile('a.csv', 'title,body,shortcut\na,"multi\nline",;a\nb,c,;b\n'));
    expect(problemsFromServer(entries, [{ index: 1, field: 'shortcut', message: 'the shortcut ;b is also used by the entry at index 0 in this language' }])).toEqual([
      { line: 4, field: 'shortcut', message: 'the shortcut ;b is also used by line 2 in this language' },
    ]);
  });
});

it('names the export after the team and the day', () => {
  const day = new Date(2025, 2, 7, 23, 30);
  expect(exportFileName('Kahawa Bora!', 'csv', day)).toBe('chorus-templates-kahawa-bora-2025-03-07.csv');
  expect(exportFileName('Café Zürich', 'json', day)).toBe('chorus-templates-cafe-zurich-2025-03-07.json');
  expect(exportFileName('کافه نادری', 'json', day)).toBe('chorus-templates-کافه-نادری-2025-03-07.json');
  expect(exportFileName('🎉🎉', 'json', day)).toBe('chorus-templates-team-2025-03-07.json');
});
