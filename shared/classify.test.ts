import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accuracy, emptyConfusion, loadSplit, macroF1 } from '../bench/lib/classify-eval.ts';
import { MODEL_FILE, trainedModelText } from '../scripts/train-classify.ts';
import { isCurrent } from './classify-build.ts';
import { CLASSIFIER_LEXICON } from './classify-data.ts';
import { CLASSIFY_LANGS, classify, cueFromCorrection, detectLang, fold, hasClassifierModel, setClassifierModel, type TeamCue } from './classify-full.ts';
import { foldClauses } from './classify-fold.ts';
import type { ClassifierModel } from './classify-model.ts';

const MODEL_TEXT = readFileSync(MODEL_FILE, 'utf8');
const MODEL = JSON.parse(MODEL_TEXT) as ClassifierModel;

const category = (text: string, lang?: string) => classify(text, lang ? { lang } : {}).category;

// What a user sees, with the rules alone (until the content script has the model) and with the trained model.
describe.each(['rules alone', 'trained model'])('classify (%s)', (mode) => {
  beforeAll(() => setClassifierModel(mode === 'trained model' ? MODEL : null));
  afterAll(() => setClassifierModel(null));

  describe('classify: precedence spam > complaint > purchase_intent > question > praise > other', () => {
    it('spam wins over everything', () => {
      expect(category('Love your page!! 😍 DM us for a paid collab, we pay $$$ bit.ly/collab')).toBe('spam');
      expect(category('Your app is broken, but earn $500 per day from home: bit.ly/cash')).toBe('spam');
    });
    it('complaint wins over purchase intent and question', () => {
      expect(category('I wanted to buy another one but my first order never arrived. Where is it?')).toBe('complaint');
    });
    it('purchase intent wins over question and praise', () => {
      expect(category('Love it 😍 how much is the blue one?')).toBe('purchase_intent');
    });
    it('question wins over praise', () => {
      expect(category('Great product! Does it work with the iPhone 12?')).toBe('question');
    });
    it('praise, then other', () => {
      expect(category('This is amazing, thank you!')).toBe('praise');
      expect(category('just posted this from the bus')).toBe('other');
    });
  });

  describe('classify: how people really write', () => {
    it('sarcasm: praise undercut by an eye-roll or a shouted "again" is a complaint', () => {
      const r = classify('great, late AGAIN 🙄');
      expect(r.category).toBe('complaint');
      expect(r.sentiment).toBe('negative');
      expect(r.cues.join(' ')).toMatch(/sarcasm|complaint/u);
      expect(category('Oh wonderful, thanks so much 🙄')).toBe('complaint');
      expect(classify('Oh wonderful, thanks so much 🙄').cues[0]).toContain('sarcasm');
      expect(category('Genial, otra vez sin internet todo el finde. Gracias 👏👏')).toBe('complaint');
    });
    it('complaints phrased as questions', () => {
      expect(category('why is my order STILL not here??')).toBe('complaint');
      expect(category('pourquoi ma commande est toujours en préparation depuis 12 jours ?')).toBe('complaint');
      expect(category('Neden kimse mesajlarıma dönüş yapmıyor?')).toBe('complaint');
    });
    it('purchase intent phrased as a question', () => {
      expect(category('how much is this?')).toBe('purchase_intent');
      expect(category('¿cuánto cuesta el envío a Lima? lo quiero')).toBe('purchase_intent');
      expect(category('bikam el 3olba di?')).toBe('purchase_intent');
    });
    it('questions without a question mark: an interrogative starts the text', () => {
      for (const text of [
        'how do i reset my password',
        'cómo cambio la dirección de entrega',
        'làm sao để đổi mật khẩu',
        'איך מחליפים סיסמה',
        'چطور رمز رو عوض کنم',
        'كيف اغير كلمة السر',
        'jinsi gani ya kubadilisha nenosiri',
        'nasıl şifre değiştirilir',
        'bagaimana cara ganti password',
        'gimana cara ganti password',
        'hi team, what time do you open on sundays',
      ]) {
        const r = classify(text);
        expect(r.category, text).toBe('question');
        expect(r.cues.join(' '), text).toMatch(/question: starts with/u);
      }
    });
    it("Arabic question mark '؟'", () => {
      const r = classify('الفرع مفتوح يوم الجمعة؟');
      expect(r.category).toBe('question');
      expect(r.cues[0]).toBe("question: '؟'");
    });
    it('emoji alone carry praise and complaint', () => {
      expect(category('😍😍🔥')).toBe('praise');
      expect(category('👎😡')).toBe('complaint');
    });
    it('negated praise is a complaint, idioms are not', () => {
      expect(category('honestly not good this time')).toBe('complaint');
      expect(category('no worries, see you then')).toBe('other');
    });
    it('elongations and repeated punctuation', () => {
      expect(category('sooooo gooood, loooove it!!!!!')).toBe('praise');
    });
    it('cues are never empty', () => {
      for (const text of ['', '   ', 'ok', '😂', 'https://example.com', 'lol', 'merci', 'why']) expect(classify(text).cues.length, text).toBeGreaterThan(0);
    });
  });

});

describe('classify: language', () => {
  it.each([
    ['en', 'the delivery was late again and nobody answers the phone'],
    ['es', 'el pedido todavía no ha llegado y nadie responde'],
    ['fr', "la commande n'est toujours pas arrivée, personne ne répond"],
    ['de', 'die Bestellung ist immer noch nicht angekommen und niemand antwortet'],
    ['pt', 'o pedido ainda não chegou e ninguém responde'],
    ['vi', 'đơn hàng vẫn chưa giao, không ai trả lời'],
    ['vi', 'don hang van chua giao, khong ai tra loi, shop oi'],
    ['he', 'ההזמנה עדיין לא הגיעה ואף אחד לא עונה'],
    ['fa', 'سفارشم هنوز نرسیده و کسی جواب نمیده'],
    ['fa', 'سفارشم هنوز نرسيده و كسي جواب نميده'],
    ['fa', 'salam, sefaresham hanooz nareside, kheili bad'],
    ['ar', 'الطلب لسه ما وصل ومحدش بيرد'],
    ['ar', 'el talab lessa ma wesel w ma7adesh byrod, 3ayez a3raf leh'],
    ['sw', 'oda yangu bado haijafika na hamjibu simu'],
    ['id', 'pesanan saya belum sampai dan admin gak bales'],
    ['tr', 'siparişim hala gelmedi ve kimse cevap vermiyor'],
    ['tr', 'siparisim hala gelmedi ve kimse cevap vermiyor'],
  ])('detects %s: %s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
    expect(classify(text).lang).toBe(lang);
  });
  it('opts.lang wins when supported, as its primary tag', () => {
    expect(classify('ok', { lang: 'pt-BR' }).lang).toBe('pt');
    expect(classify('ok', { lang: 'fa-IR' }).lang).toBe('fa');
    expect(classify('the order never arrived', { lang: 'ja' }).lang).toBe('en');
  });
  it("'und' when there is nothing to go on", () => {
    expect(classify('😂😂😂').lang).toBe('und');
    expect(classify('12345').lang).toBe('und');
  });
});

describe('classify: team cues', () => {
  const teamCues: TeamCue[] = [
    { phrase: 'Käsekuchen', category: 'purchase_intent' },
    { phrase: 'early access', category: 'spam' },
    { phrase: 'merci', category: 'other', lang: 'fr' },
  ];
  it('a matching phrase decides before the built-in rules, case- and diacritics-insensitively', () => {
    const r = classify('I hate waiting, when is the KASEKUCHEN back?', { teamCues });
    expect(r.category).toBe('purchase_intent');
    expect(r.cues).toEqual(["team: 'Käsekuchen'"]);
    expect(classify('is early access open yet?', { teamCues }).category).toBe('spam');
  });
  it('matches whole words only, and only in its language when it names one', () => {
    expect(classify('is earlyaccess open yet?', { teamCues }).category).toBe('question');
    expect(classify('merci beaucoup', { teamCues, lang: 'fr' }).category).toBe('other');
    expect(classify('merci beaucoup', { teamCues, lang: 'fa' }).category).toBe('praise');
  });
  it('cueFromCorrection: short texts whole, longer ones a distinctive span', () => {
    expect(cueFromCorrection('Early Access?', 'spam', 'en')).toEqual({ phrase: 'early access', category: 'spam', lang: 'en' });
    const cue = cueFromCorrection('hey is the pistachio cheesecake coming back to the Leeds store this week', 'purchase_intent', 'en');
    expect(cue.phrase.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(cue.phrase.split(' ').length).toBeLessThanOrEqual(4);
    expect(cue.phrase).toMatch(/pistachio|cheesecake/u);
    expect(classify('pistachio cheesecake when?', { teamCues: [cue] }).category).toBe('purchase_intent');
  });
});

describe('classify: purity and robustness', () => {
  it('is deterministic and does not touch its inputs', () => {
    const opts = Object.freeze({ lang: 'es', teamCues: Object.freeze([Object.freeze({ phrase: 'x', category: 'spam' as const })]) as TeamCue[] });
    const a = classify('¿cuánto cuesta? 😍', opts);
    const b = classify('¿cuánto cuesta? 😍', opts);
    expect(a).toEqual(b);
  });
  it('returns on 100 KB of hostile input', () => {
    const inputs = ['a'.repeat(100_000), '!?'.repeat(50_000), 'why '.repeat(25_000), `${'😡 '.repeat(20_000)}x`, 'https://x.com/'.repeat(7_000), `${'ك '.repeat(50_000)}`];
    for (const text of inputs) expect(classify(text).cues.length).toBeGreaterThan(0);
  });
});

describe('classify: word lists handed over (as the background does for content scripts)', () => {
  it('without word lists classify() says so; with a copy of them (as a message carries it) it answers as here', async () => {
    vi.resetModules();
    const bare = await import('./classify.ts');
    expect(bare.hasClassifierLexicon()).toBe(false);
    expect(() => bare.classify('where is my order?')).toThrow(/word lists/);
    bare.setClassifierLexicon(JSON.parse(JSON.stringify(CLASSIFIER_LEXICON)));
    expect(bare.hasClassifierLexicon()).toBe(true);
    for (const text of ['where is my order??', 'מתי המשלוח מגיע?', 'سلام، قیمتش چنده؟', 'Lieferung kommt nicht an 😡', 'giá bao nhiêu vậy shop']) {
      setClassifierModel(null);
      const here = classify(text);
      expect(bare.classify(text)).toEqual(here);
    }
  });
  it('names its languages in the word lists\' order', () => {
    expect(CLASSIFY_LANGS).toEqual(Object.keys(CLASSIFIER_LEXICON.lexicon));
  });
});

describe('classify: loading and speed', () => {
  it('a first call with the language given works, and the same in another language after it', async () => {
    // Lexicons load on first use, one language at a time (plus English): in a fresh module.
    vi.resetModules();
    const { classify: fresh } = await import('./classify-full.ts');
    expect(fresh('מתי המשלוח מגיע?', { lang: 'he' })).toMatchObject({ category: 'question', lang: 'he' });
    expect(fresh('no me llegó el pedido, qué vergüenza', { lang: 'es' })).toEqual(classify('no me llegó el pedido, qué vergüenza', { lang: 'es' }));
    expect(fresh('Mimi nataka kununua hii, bei gani?')).toEqual(classify('Mimi nataka kununua hii, bei gani?'));
    expect(classify('מתי המשלוח מגיע?', { lang: 'he' })).toMatchObject({ category: 'question', lang: 'he' });
    expect(classify('no me llegó el pedido, qué vergüenza', { lang: 'es' })).toMatchObject({ category: 'complaint', lang: 'es' });
    expect(classify('Mimi nataka kununua hii, bei gani?')).toMatchObject({ lang: 'sw' });
  });
  it('is deterministic: the same text gives the same result, whatever came before', () => {
    const texts = ['Great product! Does it work with the iPhone 12?', 'עובד מעולה, תודה!', '¿cuánto cuesta el envío?', 'kheili khoob bood', 'giá bao nhiêu vậy shop'];
    const first = texts.map((t) => classify(t));
    for (const t of [...texts].reverse()) classify(t, { lang: 'fr' });
    expect(texts.map((t) => classify(t))).toEqual(first);
  });
  it('the generated lexicon module is current (npx tsx shared/classify-build.ts)', () => {
    expect(isCurrent()).toBe(true);
  });
  it('folding clause by clause agrees with folding each clause on its own', () => {
    for (const text of ['Hi team, how do I… return it?! ok', 'שלום, מתי? תודה', 'a.b,,c;\nd', ' ، سلام؛ کی میاد؟', 'SOOO good!!! WHY', '']) {
      const pieces = text.split(/[.!?¡¿؟\n…;:,،]+/u).map(fold).filter((c) => c.trim());
      expect(foldClauses(text)).toEqual({ folded: fold(text), clauses: pieces });
    }
  });
});

describe('classify: trained model', () => {
  afterAll(() => setClassifierModel(null));
  it('the committed weights are what `npm run train:classify` gives for the training data (deterministic)', () => {
    expect(trainedModelText()).toBe(MODEL_TEXT);
  }, 60_000);
  it('a model in another format is refused with a clear error, and the rules keep working', () => {
    expect(() => setClassifierModel({ ...MODEL, weights: MODEL.weights.slice(0, 100) })).toThrow(/classifier model/u);
    expect(() => setClassifierModel({ ...MODEL, version: 1 } as unknown as ClassifierModel)).toThrow(/classifier model/u);
    setClassifierModel(null);
    expect(hasClassifierModel()).toBe(false);
    expect(category('how much is this?')).toBe('purchase_intent');
  });
  it('team cues still decide before the model', () => {
    setClassifierModel(MODEL);
    const teamCues: TeamCue[] = [{ phrase: 'early access', category: 'spam' }];
    expect(classify('is early access open yet? love it 😍', { teamCues })).toMatchObject({ category: 'spam', cues: ["team: 'early access'"] });
  });
  it('when the model overrules the rules, the cues say so and quote the words that weighed', () => {
    setClassifierModel(MODEL);
    let overruled = 0;
    for (const rows of loadSplit('train').values()) {
      for (const row of rows) {
        const r = classify(row.text);
        if (!r.cues[0]?.includes('model')) continue;
        overruled++;
        expect(r.cues[0]).toMatch(new RegExp(`^${r.category === 'purchase_intent' ? 'purchase' : r.category}: model`, 'u'));
      }
    }
    expect(overruled).toBeGreaterThan(0);
  });
});

const dev = loadSplit('dev');
describe.skipIf(dev.size === 0)('classify: dev set', () => {
  afterAll(() => setClassifierModel(null));
  it('overall macro-F1 ≥ 0.85 on bench/classify/data/*.dev.jsonl, with the model', () => {
    setClassifierModel(MODEL);
    const c = emptyConfusion();
    for (const rows of dev.values()) for (const row of rows) c[row.category][classify(row.text).category]++;
    expect(accuracy(c)).toBeGreaterThan(0);
    expect(macroF1(c)).toBeGreaterThanOrEqual(0.85);
  });
});
