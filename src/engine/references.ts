// Resolves ids in the knowledge into the self-contained references a result carries, so that
// renderers never need the knowledge itself.
import type { Knowledge, TopicClaim } from '../knowledge/model.js';
import type { ClaimRef, SourceRef } from './types.js';

export interface References {
  source(id: string): SourceRef | undefined;
  sources(ids: Iterable<string>): SourceRef[];
  claim(id: string): ClaimRef | undefined;
  claims(ids: Iterable<string>): ClaimRef[];
}

export function createReferences(knowledge: Knowledge): References {
  const claimsById = new Map<string, TopicClaim>(knowledge.claims.map((claim) => [claim.id, claim]));
  const source = (id: string): SourceRef | undefined => {
    const found = knowledge.sources[id];
    return found && { id: found.id, title: found.title, url: found.url, kind: found.kind };
  };
  const sources = (ids: Iterable<string>) => {
    const seen = new Set<string>();
    const refs: SourceRef[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const ref = source(id);
      if (ref) refs.push(ref);
    }
    return refs;
  };
  const claim = (id: string): ClaimRef | undefined => {
    const found = claimsById.get(id);
    if (!found) return undefined;
    return {
      id: found.id,
      topic: found.topic,
      claim: found.claim,
      verdict: found.verdict,
      now: found.now,
      unconfirmed: found.unconfirmed,
      checked: found.checked,
      articles: sources(found.articles),
      sources: sources(found.sources),
    };
  };
  return {
    source,
    sources,
    claim,
    claims: (ids) => [...new Set(ids)].flatMap((id) => claim(id) ?? []),
  };
}
