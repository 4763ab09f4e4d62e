// `recommend <needs>`: recognises the needs a team states among the recommendation criteria,
// weighs them, and explains which way they lean, with the claims behind each.
import type { Framework, Lean } from '../../knowledge/model.js';
import { emptyResult, followUpOf, type SearchContext } from '../context.js';
import { WeightedBm25Index } from '../search/weighted-bm25.js';
import type { RecommendationNeed } from '../types.js';
import { askResult } from './ask.js';
import type { CommandHandler } from './registry.js';

/** Share of a phrasing's information the needs must contain for the criterion to count. */
const MIN_PHRASING_MATCH = 0.6;
/** One side must outweigh the other by this much before the bot leans that way. */
const MIN_LEAD = 2;

/** Needs shown as examples when none was recognised. */
const EXAMPLE_NEEDS = 6;
const MAX_CLAIMS = 6;
const MAX_SOURCES = 6;
const MAX_FOLLOW_UPS = 3;
/** The topic whose questions a prompt for needs offers. */
const RECOMMENDATION_TOPIC = 'recommendation';

export interface NeedsRecogniser {
  recognise(needs: string): RecommendationNeed[];
}

export function createNeedsRecogniser(context: SearchContext): NeedsRecogniser {
  const { criteria } = context.knowledge;
  // One document per phrasing, so a need is recognised by its best phrasing, not by words
  // scattered over all of them.
  const phrasings = criteria.flatMap((criterion, index) =>
    [criterion.need, ...criterion.phrasings].map((text) => ({ criterion: index, terms: context.analyzer.analyze(text) })),
  );
  const index = WeightedBm25Index.build(
    phrasings.map((p) => ({ fields: { text: p.terms } })),
    { fieldWeights: { text: 1 } },
  );

  return {
    recognise(needs) {
      const { terms } = context.queryTerms(needs);
      const queryTerms = new Set(terms.map((t) => t.term));
      const bestByCriterion = new Map<number, number>();
      for (const { doc } of index.score(terms)) {
        const phrasing = phrasings[doc]!;
        const unique = [...new Set(phrasing.terms)];
        const total = unique.reduce((sum, term) => sum + index.idf(term), 0);
        const matched = unique.filter((term) => queryTerms.has(term)).reduce((sum, term) => sum + index.idf(term), 0);
        const share = total > 0 ? matched / total : 0;
        if (share >= MIN_PHRASING_MATCH) {
          bestByCriterion.set(phrasing.criterion, Math.max(bestByCriterion.get(phrasing.criterion) ?? 0, share));
        }
      }
      return [...bestByCriterion.keys()]
        .sort((a, b) => a - b)
        .map((i) => {
          const criterion = criteria[i]!;
          return {
            criterionId: criterion.id,
            need: criterion.need,
            leans: criterion.leans,
            weight: criterion.weight,
            why: criterion.why,
            topic: criterion.topic,
            claims: context.references.claims(criterion.claims),
          };
        });
    },
  };
}

export const recommendCommand: CommandHandler = (context, { text: needsText, notes }) => {
  const exampleNeeds = context.knowledge.criteria.slice(0, EXAMPLE_NEEDS).map((c) => c.phrasings[0]!);
  const needs = needsText.trim() ? context.needsRecogniser.recognise(needsText) : [];
  const points: Record<Framework, number> = { pytorch: 0, tensorflow: 0 };
  const base = { ...emptyResult(needsText, notes), kind: 'recommendation' as const, needs, points, exampleNeeds };
  if (needs.length === 0) {
    // "recommendation for a startup with one ml engineer" uses the command's word as a plain
    // word: when no need is recognised, the words may still be a question the FAQ answers.
    if (needsText.trim()) {
      const asked = askResult(context, needsText, notes);
      if (asked.kind === 'answer') return asked;
    }
    return {
      ...base,
      reason: needsText.trim() ? 'no-need-recognised' : 'no-needs-given',
      lean: null,
      followUps: (context.faqByTopic.get(RECOMMENDATION_TOPIC) ?? []).slice(0, MAX_FOLLOW_UPS).map(followUpOf),
    };
  }
  for (const need of needs) if (need.leans !== 'either') points[need.leans] += need.weight;
  const lead = points.pytorch - points.tensorflow;
  const lean: Lean = lead >= MIN_LEAD ? 'pytorch' : -lead >= MIN_LEAD ? 'tensorflow' : 'either';
  const claims = needs.flatMap((need) => need.claims);
  const topics = [...new Set(needs.map((need) => need.topic))];
  return {
    ...base,
    reason: 'recommended',
    lean,
    topic: RECOMMENDATION_TOPIC,
    confidence: Math.min(1, 0.5 + 0.15 * needs.length),
    claims: [...new Map(claims.map((c) => [c.id, c])).values()].slice(0, MAX_CLAIMS),
    sources: context.references.sources(claims.flatMap((c) => c.sources.map((s) => s.id))).slice(0, MAX_SOURCES),
    followUps: topics.flatMap((topic) => context.faqByTopic.get(topic)?.slice(0, 1).map(followUpOf) ?? []).slice(0, MAX_FOLLOW_UPS),
  };
};
