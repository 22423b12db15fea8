/** Text folding for search: lower case, diacritics removed ("Überhitzung" matches "uberhitzung"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** True when every whitespace-separated word of `query` occurs in `haystack` (both folded). */
export function matchesAllWords(haystack: string, query: string): boolean {
  const folded = foldText(haystack)
  return foldText(query)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .every((word) => folded.includes(word))
}
