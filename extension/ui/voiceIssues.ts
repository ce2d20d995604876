// What a voice-check issue says to the person writing, in the UI language. Shared by the
// options page's sample check and the composer's meter.
import { i18n } from '#i18n';
import { PLATFORM_NAMES } from '../../shared/platforms';
import type { Platform } from '../../shared/schemas';
import type { VoiceIssue } from '../../shared/voice';
import { formatCount } from './format';
import { isolate } from './isolate';

export function describeVoiceIssue(issue: VoiceIssue, locale: string, platform?: Platform): string {
  const n = (value: number) => formatCount(value, locale);
  switch (issue.kind) {
    case 'banned-term':
      return issue.preferred
        ? i18n.t('voiceIssueBannedPreferred', { term: isolate(issue.term), preferred: isolate(issue.preferred) })
        : i18n.t('voiceIssueBanned', { term: isolate(issue.term) });
    case 'missing-sign-off':
      return i18n.t('voiceIssueSignOff', { signOff: isolate(issue.expected) });
    case 'emoji':
      return issue.policy === 'none'
        ? i18n.t('voiceIssueNoEmoji', { count: n(issue.count) })
        : i18n.t('voiceIssueEmoji', { count: n(issue.count), max: n(issue.max) });
    case 'exclamations':
      return i18n.t('voiceIssueExclamations', { count: n(issue.count), max: n(issue.max) });
    case 'formality':
      return i18n.t('voiceIssueFormality', { words: isolate(issue.found.join(', ')) });
    case 'too-long':
      return i18n.t('voiceIssueTooLong', {
        site: platform ? PLATFORM_NAMES[platform] : '',
        length: n(issue.length),
        limit: n(issue.limit),
      });
  }
}

/** ok ≥ 85, warn ≥ 60, else bad: the meter's colour. */
export function scoreLevel(score: number): 'ok' | 'warn' | 'bad' {
  return score >= 85 ? 'ok' : score >= 60 ? 'warn' : 'bad';
}
