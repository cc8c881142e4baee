import appCss from '../ui/app.css?inline';

/**
 * The lab's page style sheet, made safe for someone else's page: every rule is nested inside
 * the element (CSS nesting), `:root` and `body` become the element itself, and the rule that
 * makes the page full height is dropped. Without this, an element would restyle its host page's
 * body and buttons.
 */
export function scopeCss(css: string, host: string): string {
  const body = css
    .replace(/html\s*,\s*body\s*,\s*#root\s*\{[^}]*\}/g, '')
    .replace(/:root\s*\{/g, '&{')
    .replace(/(^|[}\s;,])body\s*\{/g, '$1&{');
  return `${host}{display:block;${body}}\n`;
}

/** Adds the scoped style sheet to the document once. */
export function installElementStyles(host: string): void {
  const id = `${host}-styles`;
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = scopeCss(appCss, host);
  document.head.append(style);
}
