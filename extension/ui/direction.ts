const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur']);

/** Writing direction of a BCP 47 language tag such as `fa-IR` or `he`. */
export function textDirection(languageTag: string): 'ltr' | 'rtl' {
  const language = languageTag.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * Sets `lang` and `dir` on <html> to those of the messages on screen. The
 * browser picks one of our locale files from its UI language and falls back to
 * English when we have none for it, so going by the UI language itself would,
 * say in Urdu, lay English text out right to left. (`i18n` is WXT's
 * auto-import of #i18n, so unit tests can stand in for it as a global.)
 */
export function applyUiLanguage(root: HTMLElement = document.documentElement): void {
  root.lang = i18n.t('lang');
  root.dir = i18n.t('dir');
}
