import { describe, expect, it } from 'vitest';
import { firstName, parseTemplate, PREVIEW_CONTEXT, pickBody, renderTemplate, type TemplateContext } from './templates.ts';

const context: TemplateContext = {
  author: { name: 'Amani Njeri', handle: '@amani' },
  agent: { name: 'Ana Souza' },
  brand: 'Chorus',
  item: { url: 'https://example.com/p/1' },
  platform: 'linkedin',
};

describe('renderTemplate: variables', () => {
  it('fills every variable and tolerates whitespace inside the braces', () => {
    const body =
      'Hi {{ author.firstName }} ({{author.name}}, {{author.handle}}) — {{agent.firstName}} / {{agent.name}} at {{brand}} on {{platform}}: {{item.url}}';
    expect(renderTemplate(body, context)).toEqual({
      text: 'Hi Amani (Amani Njeri, @amani) — Ana / Ana Souza at Chorus on LinkedIn: https://example.com/p/1',
      missing: [],
      unfilled: [],
    });
  });

  it('uses the fallback with double, single and typographic quotes', () => {
    const body = `{{author.firstName | "there"}} {{brand|'us'}} {{agent.name | “me”}} {{item.url | «—»}} {{platform | ״כאן״}}`;
    expect(renderTemplate(body, {})).toEqual({ text: 'there us me — כאן', missing: [], unfilled: [] });
  });

  it('prefers the value to the fallback', () => {
    expect(renderTemplate('Hi {{author.firstName | "there"}}!', context).text).toBe('Hi Amani!');
  });

  it('renders a variable without value or fallback as empty and reports it once', () => {
    expect(renderTemplate('Hi {{author.firstName}}, {{author.firstName}} {{brand}}', { brand: 'Chorus' })).toEqual({
      text: 'Hi ,  Chorus',
      missing: ['author.firstName'],
      unfilled: [],
    });
  });

  it('keeps RTL text around variables intact (Persian, with a Persian fallback)', () => {
    const body = 'سلام {{author.firstName | "دوست"}} عزیز، از {{brand}} متشکریم.';
    expect(renderTemplate(body, { brand: 'کورس' }).text).toBe('سلام دوست عزیز، از کورس متشکریم.');
    expect(renderTemplate(body, { author: { name: 'سارا\u200cبانو احمدی' }, brand: 'کورس' }).text).toBe(
      'سلام سارا\u200cبانو عزیز، از کورس متشکریم.',
    );
  });

  it('does not re-read braces that come from values', () => {
    expect(renderTemplate('{{author.name}}', { author: { name: '{{brand}}' }, brand: 'Chorus' }).text).toBe('{{brand}}');
  });
});

describe('renderTemplate: fill-in fields', () => {
  const body = 'Order {{fill:Order number}} ({{ fill: Order   number }}) ships {{fill:Date | "soon"}}.';

  it('asks a label used twice once', () => {
    expect(parseTemplate(body).fields).toEqual([
      { label: 'Order number', fallback: null },
      { label: 'Date', fallback: 'soon' },
    ]);
  });

  it('uses typed values, then defaults, and reports fields left empty', () => {
    expect(renderTemplate(body, {}, { 'Order number': 'A-17' })).toEqual({
      text: 'Order A-17 (A-17) ships soon.',
      missing: [],
      unfilled: [],
    });
    expect(renderTemplate(body, {}, { 'Order number': '  ', Date: 'Monday' })).toEqual({
      text: 'Order  () ships Monday.',
      missing: [],
      unfilled: ['Order number'],
    });
  });

  it('accepts labels in any language; a default given at a later use counts for all', () => {
    const persian = 'شماره سفارش {{fill:شماره سفارش}} و {{fill:شماره سفارش | "سفارش شما"}}';
    expect(parseTemplate(persian).fields).toEqual([{ label: 'شماره سفارش', fallback: 'سفارش شما' }]);
    expect(renderTemplate(persian, {}).text).toBe('شماره سفارش سفارش شما و سفارش شما');
    expect(renderTemplate('{{fill:מספר הזמנה}}', {}, { 'מספר הזמנה': '42' })).toEqual({
      text: '42',
      missing: [],
      unfilled: [],
    });
  });
});

describe('parseTemplate', () => {
  it('reports unknown names and renders them literally', () => {
    const body = 'Hi {{autor.firstName}} from {{Brand | "x"}} {{brand}}';
    const analysis = parseTemplate(body);
    expect(analysis.unknown).toEqual(['autor.firstName', 'Brand']);
    expect(analysis.variables).toEqual([{ name: 'brand', fallback: null }]);
    expect(renderTemplate(body, { brand: 'Chorus' }).text).toBe('Hi {{autor.firstName}} from {{Brand | "x"}} Chorus');
  });

  it('renders an unmatched "{{" literally and reports where it is', () => {
    expect(renderTemplate('50% off {{ today', { brand: 'B' }).text).toBe('50% off {{ today');
    expect(parseTemplate('50% off {{ today').problems).toEqual([{ kind: 'unclosed-braces', start: 8, end: 16 }]);
    const nested = parseTemplate('a {{ b {{brand}} c');
    expect(nested.problems).toEqual([{ kind: 'unclosed-braces', start: 2, end: 4 }]);
    expect(renderTemplate('a {{ b {{brand}} c }}', { brand: 'B' }).text).toBe('a {{ b B c }}');
  });

  it('reports an unclosed fallback quote and an empty field label', () => {
    const analysis = parseTemplate('{{brand | "us}} {{fill: }}');
    expect(analysis.problems.map((p) => p.kind)).toEqual(['unclosed-quote', 'empty-field-label']);
    expect(analysis.variables).toEqual([{ name: 'brand', fallback: 'us' }]);
  });

  it('gives token offsets into the body', () => {
    const { tokens } = parseTemplate('Hi {{brand}}!');
    expect(tokens).toEqual([
      { type: 'text', text: 'Hi ', start: 0, end: 3 },
      { type: 'variable', name: 'brand', fallback: null, raw: '{{brand}}', start: 3, end: 12 },
      { type: 'text', text: '!', start: 12, end: 13 },
    ]);
  });
});

describe('firstName', () => {
  it.each([
    ['Amani Njeri', 'Amani'],
    ['  Jean-Luc Picard', 'Jean-Luc'],
    ['🌸 Nguyễn Thị Lan', 'Nguyễn'],
    ['"Dana" Cohen', 'Dana'],
    ['דנה כהן', 'דנה'],
    ['محمد بن سلمان', 'محمد'],
    ['', ''],
  ])('%s → %s', (name, expected) => expect(firstName(name)).toBe(expected));
});

describe('pickBody and PREVIEW_CONTEXT', () => {
  const template = { body: 'Thanks!', variants: { x: 'Thx on X' } };
  it('picks the platform variant, else the body', () => {
    expect(pickBody(template, 'x')).toBe('Thx on X');
    expect(pickBody(template, 'reddit')).toBe('Thanks!');
    expect(pickBody(template)).toBe('Thanks!');
  });

  it('fills every variable in previews', () => {
    const body = '{{author.firstName}} {{author.name}} {{author.handle}} {{agent.name}} {{agent.firstName}} {{brand}} {{item.url}} {{platform}}';
    expect(renderTemplate(body, PREVIEW_CONTEXT).missing).toEqual([]);
  });
});
