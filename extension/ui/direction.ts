const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur']);

/** Writing direction of a BCP 47 language tag such as `fa-IR` or `he`. */
export function textDirection(languageTag: string): 'ltr' | 'rtl' {
  const language = languageTag.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** Sets `lang` and `dir` on <html> from the browser's UI language. */
export function applyUiLanguage(root: HTMLElement = document.documentElement): void {
  const language = browser.i18n.getUILanguage();
  root.lang = language;
  root.dir = textDirection(language);
}
