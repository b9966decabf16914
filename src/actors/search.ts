/** The full-text search's query language, apart from the service (no decorators: the bench floor uses it too). */

/** Escapes Lucene syntax so that a search is always plain words (never a query-syntax error). */
export function toLuceneQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .replace(/[\u0000-\u001f]/g, ' ')
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter((w) => w.replace(/\\/g, '').length > 0);
  if (!words.length) return null;
  // Every word must match (AND); the last one also as a prefix, for search-as-you-type.
  const last = words.length - 1;
  return words.map((w, i) => (i === last && w.length >= 3 ? `+(${w} OR ${w}*)` : `+${w}`)).join(' ');
}

