// The editor's live preview: the template rendered as a member would insert it, on a chosen
// platform (its wording variant, if any), with the fill-in fields typed in and, on demand,
// without the author's name so the fallbacks show. Unknown names and unclosed braces are
// flagged, since they would be inserted literally.
import { i18n } from '#i18n';
import { useMemo, useState } from 'preact/hooks';
import { PLATFORM_NAMES } from '../../../shared/platforms';
import type { Platform, Template } from '../../../shared/schemas';
import { parseTemplate, pickBody, PREVIEW_CONTEXT, renderTemplate, type TemplateContext } from '../../../shared/templates';
import { isolate } from '../../ui/isolate';

interface Props {
  id: string;
  body: string;
  variants: Template['variants'];
  lang: string | null;
  brand: string;
  agentName: string;
}

export function TemplatePreview({ id, body, variants, lang, brand, agentName }: Props) {
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [authorKnown, setAuthorKnown] = useState(true);
  const [values, setValues] = useState<Record<string, string>>({});
  const shownPlatforms = Object.keys(variants) as Platform[];
  // A variant removed while chosen falls back to the main text.
  const chosen = platform && variants[platform] !== undefined ? platform : '';
  const text = chosen ? pickBody({ body, variants }, chosen) : body;
  const analysis = useMemo(() => parseTemplate(text), [text]);
  const context: TemplateContext = {
    ...PREVIEW_CONTEXT,
    brand,
    agent: { name: agentName },
    ...(chosen ? { platform: chosen } : {}),
    ...(authorKnown ? {} : { author: {} }),
  };
  const rendered = renderTemplate(text, context, values);

  return (
    <div class="template-preview">
      <div class="preview-controls">
        {shownPlatforms.length > 0 && (
          <label>
            <span>{i18n.t('templatePreviewOn')}</span>
            <select value={chosen} onChange={(e) => setPlatform(e.currentTarget.value as Platform | '')}>
              <option value="">{i18n.t('templateMainText')}</option>
              {shownPlatforms.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_NAMES[p]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="check">
          <input type="checkbox" checked={!authorKnown} onChange={(e) => setAuthorKnown(!e.currentTarget.checked)} />
          <span>{i18n.t('templatePreviewNoAuthor')}</span>
        </label>
      </div>
      {analysis.fields.length > 0 && (
        <fieldset class="fill-fields">
          <legend>{i18n.t('templateFillFields')}</legend>
          {analysis.fields.map((field, index) => (
            <div class="field" key={field.label}>
              <label for={`${id}-fill-${index}`} dir="auto">
                {field.label}
              </label>
              <input
                id={`${id}-fill-${index}`}
                dir="auto"
                placeholder={field.fallback ?? ''}
                value={values[field.label] ?? ''}
                onInput={(e) => setValues((current) => ({ ...current, [field.label]: e.currentTarget.value }))}
              />
            </div>
          ))}
        </fieldset>
      )}
      <div id={id} class="preview rendered" dir="auto" lang={lang ?? undefined} data-testid="template-rendered">
        {rendered.text}
      </div>
      {(analysis.unknown.length > 0 || analysis.problems.length > 0 || rendered.missing.length > 0 || rendered.unfilled.length > 0) && (
        <ul class="preview-warnings">
          {analysis.unknown.map((name) => (
            <li key={`u-${name}`}>{i18n.t('templateUnknownVariable', { name: isolate(`{{${name}}}`) })}</li>
          ))}
          {analysis.problems.map((problem) => (
            <li key={`p-${problem.start}`}>
              {i18n.t('templateSyntaxProblem', { text: isolate(text.slice(problem.start, Math.min(problem.end, problem.start + 24))) })}
            </li>
          ))}
          {rendered.missing.map((name) => (
            <li key={`m-${name}`}>{i18n.t('templateNoFallback', { name: isolate(`{{${name}}}`) })}</li>
          ))}
          {rendered.unfilled.map((label) => (
            <li key={`f-${label}`}>{i18n.t('templateUnfilled', { label: isolate(label) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
