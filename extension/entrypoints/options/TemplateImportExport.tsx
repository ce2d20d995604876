// The template library as a file: export what this member sees (the team's shared
// templates and their own private ones) as JSON or CSV, and import a file all or nothing
// through POST /v1/templates/import. The file is checked here first, so most mistakes are
// named by line before anything is sent; what only the server can tell (a shortcut taken by
// a template not in the file, say) comes back by index and is named by line the same way.
import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { ApiError, ImportProblem, ImportTemplatesResult, type Template } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import { formatCount } from '../../ui/format';
import { isolate } from '../../ui/isolate';
import { callServer, failureText, type TeamFailure } from './teamApi';
import { type FileEntry, type FileProblem, MAX_FILE_BYTES, exportFileName, parseTemplateFile, problemsFromServer, toCsv, toJson } from './templateFiles';

/** Enough to fix a file by; the rest are counted. */
const SHOWN_PROBLEMS = 50;

type ImportAnswer =
  | { ok: true; result: ImportTemplatesResult }
  | { ok: false; problems: ImportProblem[] }
  | { ok: false; problems?: undefined; failure: TeamFailure };

const ImportRefusal = ApiError.extend({ problems: z.array(ImportProblem) });

async function importTemplates(connection: Connection, entries: readonly FileEntry[]): Promise<ImportAnswer> {
  const answer = await callServer(connection, '/v1/templates/import', {
    method: 'POST',
    body: JSON.stringify({ templates: entries.map((entry) => entry.input) }),
  });
  if (answer.ok) {
    const parsed = ImportTemplatesResult.safeParse(answer.body);
    return parsed.success ? { ok: true, result: parsed.data } : { ok: false, failure: { kind: 'unexpected', status: answer.status } };
  }
  const refused = ImportRefusal.safeParse(answer.body);
  return refused.success ? { ok: false, problems: refused.data.problems } : { ok: false, failure: answer.failure };
}

function download(text: string, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Step =
  | { kind: 'idle' }
  | { kind: 'problems'; file: string; problems: FileProblem[] }
  | { kind: 'confirm'; file: string; entries: FileEntry[]; replacing: number }
  | { kind: 'failed'; message: string };

function ProblemList({ file, problems, locale }: { file: string; problems: readonly FileProblem[]; locale: string }) {
  const line = (problem: FileProblem) => {
    if (problem.line === null) {
      const message = problem.field ? `${problem.field}: ${problem.message}` : problem.message;
      return i18n.t('templatesImportProblemFile', { file: isolate(file), message: isolate(message) });
    }
    const values = { line: formatCount(problem.line, locale), message: isolate(problem.message) };
    return problem.field
      ? i18n.t('templatesImportProblemField', { ...values, field: isolate(problem.field) })
      : i18n.t('templatesImportProblemLine', values);
  };
  const hidden = problems.length - SHOWN_PROBLEMS;
  return (
    <div class="notice error import-problems" role="alert">
      <p>{i18n.t('templatesImportProblems')}</p>
      <ul>
        {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
          <li key={index} dir="auto">
            {line(problem)}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p>{i18n.t('templatesImportMoreProblems', { count: formatCount(hidden, locale) })}</p>}
    </div>
  );
}

export function TemplateImportExport({
  connection,
  templates,
  manager,
  onImported,
}: {
  connection: Connection;
  /** What this member sees: the shared templates and their own private ones. */
  templates: readonly Template[];
  /** Managers may import shared templates; everyone else's imports become private. */
  manager: boolean;
  /** Called after a successful import, to pull the new templates into the list. */
  onImported: () => void;
}) {
  const locale = i18n.t('lang');
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [done, setDone] = useState('');

  const exportAs = (kind: 'json' | 'csv') => {
    setDone('');
    const name = exportFileName(connection.team.name, kind);
    if (kind === 'json') download(toJson(templates), 'application/json', name);
    else download(toCsv(templates), 'text/csv;charset=utf-8', name);
  };

  async function chosen(file: File) {
    setDone('');
    if (file.size > MAX_FILE_BYTES) {
      const size = formatCount(MAX_FILE_BYTES / 1024 / 1024, locale);
      setStep({ kind: 'failed', message: i18n.t('templatesImportTooBig', { file: isolate(file.name), size }) });
      return;
    }
    setBusy(true);
    try {
      const parsed = parseTemplateFile(file.name, await file.text(), { asPrivate: !manager });
      if (!parsed.ok) setStep({ kind: 'problems', file: file.name, problems: parsed.problems });
      else {
        const known = new Set(templates.map((template) => template.id));
        const replacing = parsed.entries.filter((entry) => entry.input.id !== undefined && known.has(entry.input.id)).length;
        setStep({ kind: 'confirm', file: file.name, entries: parsed.entries, replacing });
      }
    } catch {
      setStep({ kind: 'failed', message: i18n.t('templatesImportUnreadable', { file: isolate(file.name) }) });
    } finally {
      setBusy(false);
    }
  }

  async function confirmed(file: string, entries: FileEntry[]) {
    setBusy(true);
    const answer = await importTemplates(connection, entries);
    setBusy(false);
    if (answer.ok) {
      setStep({ kind: 'idle' });
      const { created, updated } = answer.result;
      setDone(i18n.t('templatesImported', { created: formatCount(created.length, locale), updated: formatCount(updated.length, locale) }));
      onImported();
    } else if (answer.problems) setStep({ kind: 'problems', file, problems: problemsFromServer(entries, answer.problems) });
    else setStep({ kind: 'failed', message: i18n.t('templatesImportFailed', { reason: failureText(answer.failure) }) });
  }

  return (
    <div class="template-files" aria-busy={busy}>
      <div class="file-tools" role="group" aria-label={i18n.t('templatesFileTools')}>
        <button type="button" class="secondary small" disabled={busy} onClick={() => exportAs('json')}>
          {i18n.t('templatesExportJson')}
        </button>
        <button type="button" class="secondary small" disabled={busy} onClick={() => exportAs('csv')}>
          {i18n.t('templatesExportCsv')}
        </button>
        <button type="button" class="secondary small" disabled={busy || step.kind === 'confirm'} onClick={() => picker.current?.click()}>
          {i18n.t('templatesImport')}
        </button>
        <input
          ref={picker}
          type="file"
          tabIndex={-1}
          aria-label={i18n.t('templatesImportFileLabel')}
          accept=".json,.csv,application/json,text/csv"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared, so that choosing the same file again (after fixing it) is a change.
            input.value = '';
            if (file) void chosen(file);
          }}
        />
        {!manager && <span class="muted small">{i18n.t('templatesImportPrivateHint')}</span>}
      </div>
      {/* Not role=status: the card has its own status line for single saves. */}
      <p class="saved" aria-live="polite">
        {done}
      </p>
      {step.kind === 'problems' && <ProblemList file={step.file} problems={step.problems} locale={locale} />}
      {step.kind === 'failed' && (
        <p class="notice error" role="alert">
          {step.message}
        </p>
      )}
      {step.kind === 'confirm' && (
        <div class="confirm import-confirm">
          <p>
            {i18n.t('templatesImportConfirm', {
              file: isolate(step.file),
              count: formatCount(step.entries.length, locale),
              replacing: formatCount(step.replacing, locale),
            })}
          </p>
          <div class="actions">
            <button type="button" class="small" disabled={busy} onClick={() => void confirmed(step.file, step.entries)}>
              {i18n.t('templatesImportConfirmButton')}
            </button>
            <button type="button" class="secondary small" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>
              {i18n.t('cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
