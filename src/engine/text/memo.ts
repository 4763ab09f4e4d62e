// A bounded memo for pure functions of a word: a Map that forgets its oldest entry when full.
// lru-cache preallocates its whole capacity up front (tens of milliseconds at start for 100k
// entries); for a pure function only the bound matters, not which entry is forgotten first.

export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const values = new Map<string, V>();
  return (key) => {
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as V;
    const value = compute(key);
    if (values.size >= limit) values.delete(values.keys().next().value!);
    values.set(key, value);
    return value;
  };
}
