// `recommend <needs>`: recognises the needs a team states among the recommendation criteria,
// weighs them, and explains which way they lean, with the claims behind each.
import { emptyResult, type EngineContext } from '../context.js';
import { WeightedBm25Index } from '../search/weighted-bm25.js';
import type { Lean } from '../../knowledge/schema.js';
import type { EngineResult, RecommendationNeed } from '../types.js';

/** Share of a phrasing's information the needs must contain for the criterion to count. */
const MIN_PHRASING_MATCH = 0.6;
/** One side must outweigh the other by this much before the bot leans that way. */
const MIN_LEAD = 2;

const FRAMEWORK_NAMES: Record<Exclude<Lean, 'either'>, string> = { pytorch: 'PyTorch', tensorflow: 'TensorFlow' };

export interface NeedsRecogniser {
  recognise(needs: string): RecommendationNeed[];
}

export function createNeedsRecogniser(context: EngineContext): NeedsRecogniser {
  const { criteria } = context.knowledge;
  // One document per phrasing, so a need is recognised by its best phrasing, not by words
  // scattered over all of them.
  const phrasings = criteria.flatMap((criterion, index) =>
    [criterion.need, ...criterion.phrasings].map((text) => ({ criterion: index, terms: context.analyzer.analyze(text) })),
  );
  const index = new WeightedBm25Index(
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

export function recommendResult(
  context: EngineContext,
  recogniser: NeedsRecogniser,
  query: string,
  needsText: string,
  notes: string[],
): EngineResult {
  const examples = context.knowledge.criteria.slice(0, 6).map((c) => c.phrasings[0]!);
  const needs = needsText.trim() ? recogniser.recognise(needsText) : [];
  if (needs.length === 0) {
    return {
      ...emptyResult(query, notes),
      kind: 'recommendation',
      lean: null,
      needs: [],
      text:
        (needsText.trim() ? 'I could not recognise a need in that. ' : '') +
        `Tell me what matters to your team, separated by commas, e.g. \`recommend ${examples.slice(0, 3).join(', ')}\`. ` +
        `Needs I know about include: ${examples.join('; ')}.`,
      followUps: context.knowledge.faq
        .filter((entry) => entry.topic === 'recommendation')
        .slice(0, 3)
        .map((entry) => entry.question),
    };
  }
  const totals = { pytorch: 0, tensorflow: 0 };
  for (const need of needs) if (need.leans !== 'either') totals[need.leans] += need.weight;
  const lead = totals.pytorch - totals.tensorflow;
  const lean: Lean = lead >= MIN_LEAD ? 'pytorch' : -lead >= MIN_LEAD ? 'tensorflow' : 'either';
  const summary =
    lean === 'either'
      ? 'For these needs neither framework has a decisive edge; pick the one your team knows, and check the points below.'
      : `For these needs, ${FRAMEWORK_NAMES[lean]} is the better fit (${totals[lean]} points of preference against ${totals[lean === 'pytorch' ? 'tensorflow' : 'pytorch']}).`;
  const claims = needs.flatMap((need) => need.claims);
  const topics = [...new Set(needs.map((need) => need.topic))];
  return {
    ...emptyResult(query, notes),
    kind: 'recommendation',
    lean,
    needs,
    topic: 'recommendation',
    confidence: Math.min(1, 0.5 + 0.15 * needs.length),
    text: summary,
    claims: [...new Map(claims.map((c) => [c.id, c])).values()].slice(0, 6),
    sources: context.references.sources(claims.flatMap((c) => c.sources.map((s) => s.id))).slice(0, 6),
    followUps: topics.flatMap((topic) => context.knowledge.faq.find((entry) => entry.topic === topic)?.question ?? []).slice(0, 3),
  };
}
