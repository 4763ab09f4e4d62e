// What kind of answer a question asks for, read from its wording: a choice, a status, a way to
// do something, a reason, a date... Two questions about the same thing ("is TF Lite dead?",
// "how do I convert to TF Lite?") need different answers, and BM25 alone cannot tell them
// apart because the words that say so are short and frequent. The same reading is applied to
// the curated questions of the knowledge, so a question and an entry can be compared by intent.
//
// English says what kind of answer it wants mostly in the first words of a question ("How do
// I", "Why does", "Is X still", "Should I"), so each sentence's opening is read first; a few
// cues count wherever they stand ("deprecated", "why", a pasted error name).
import { normalizeText } from '../text/normalize.js';

export const INTENTS = ['choose', 'compare', 'status', 'how', 'why', 'support', 'when', 'who', 'what', 'error', 'cost'] as const;
export type Intent = (typeof INTENTS)[number];

const FRAMEWORK = '(?:pytorch|torch|tensorflow|tf|keras|jax|tflite|litert|executorch|mxnet|onnx)';

/** Words people put before the question itself. */
const PREAMBLE =
  /^(?:(?:hi|hello|hey|so|ok|okay|also|and|but|well|q|question|quick question|pls|please|guys|all|folks|sorry|thanks|in short|basically|honestly|anyway|then|now|ps)\b[\s,:!-]*)+/;

/** Cues at the start of a sentence (after the preamble). */
const OPENINGS: [Intent, RegExp][] = [
  ['choose', /^(?:should|shall|would you recommend|do you recommend|what do you recommend|recommend)\b/],
  // "Which backends does Keras 3 support?", "which GPUs can PyTorch run on": a question of what
  // something supports, not a choice between options.
  [
    'support',
    /^which \w+(?: \w+)? (?:(?:does|do|can|will|is|are) .{0,50})?\b(?:support|supports|supported|run on|runs on|work with|works with|work on|compatible with)\b/,
  ],
  ['choose', /^which\b(?! (?:version|versions|year|release|python|cuda|company|companies|organi[sz]ation|team|license|licence))/],
  ['choose', new RegExp(`^${FRAMEWORK}(?: \\w+)? (?:or|vs|versus) ${FRAMEWORK}\\b`)],
  // "What is the best way to learn PyTorch?" asks how to do something, not which option to choose.
  [
    'how',
    /^(?:what|whats) (?:is |are )?(?:the )?(?:best|better|right|proper|correct|recommended|preferred|easiest|simplest|fastest|quickest|standard|usual) (?:way|ways|method|methods|approach|approaches|practice|practices)\b/,
  ],
  ['choose', /^is (?:it|there) (?:worth|better|a reason)\b|^(?:what|whats) (?:is )?(?:the )?(?:best|better|preferred|recommended)\b/],
  [
    'compare',
    /^(?:what|whats) (?:is |are )?(?:the )?(?:main |key |real )?differen|^how (?:does|do|is|are) .{1,60} (?:compare|differ|stack up)|^compar/,
  ],
  ['status', /^(?:what|whats) (?:happened|happens|is happening) (?:to|with)\b|^what became of\b/],
  // "Is TensorFlow over?" asks for a status; "is serving faster over REST or over gRPC" does not.
  [
    'status',
    new RegExp(
      `^(?:is|are) (?:the )?${FRAMEWORK}?.{0,40}\\b(?:dead|dying|deprecated|abandoned|discontinued|obsolete|still|maintained|alive|over(?=$| now| already| yet| for)|finished|going away|being replaced|replaced|renamed|legacy|outdated)\\b`,
    ),
  ],
  [
    'how',
    /^how (?:do|can|should|would|could|to|does one|did you|might|are you supposed to|is it possible to)\b|^how\b(?! (?:much|many|old|come|long|fast|big|good|well))/,
  ],
  [
    'how',
    /^(?:is there|are there) (?:a|an|any|some) (?:way|method|function|api|option|switch|flag|setting|equivalent|tool|guide|tutorial|example)\b/,
  ],
  ['how', /^(?:any|best|proper|right|correct|recommended|easiest|simplest) (?:way|method|approach|practice)s?\b|^steps? to\b/],
  ['why', /^why\b|^how come\b|^what (?:causes|could cause|could be the cause|is causing|is the reason)\b/],
  [
    'support',
    /^(?:does|do|can|could|will|would|is|are) .{0,60}\b(?:support|supports|supported|work|works|run|runs|compatible|available|possible|usable|able)\b/,
  ],
  [
    'support',
    /^(?:can|could)\b(?! (?:you|someone|anyone|somebody) (?:explain|tell|help|recommend|suggest|point))|^(?:do|does) (?:i|we|you|it|one) (?:need|require|have to)\b|^is it possible\b/,
  ],
  // "Does spaCy use PyTorch?", "does TensorFlow have an AutoML product?": what something has or uses.
  ['support', /^(?:does|do) (?:\w+ ){1,3}(?:have|has|use|uses|need|needs|require|requires|ship|ships|include|includes)\b/],
  ['support', /^how well (?:do|does|can|will)\b/],
  ['status', /^(?:does|do|is|are|will|would) .{0,40}\bstill\b/],
  // "Is there early stopping in PyTorch?", "are there trustworthy benchmarks?": whether something exists.
  ['support', /^(?:is|are) there\b/],
  ['when', /^when\b|^(?:what|which) (?:year|date|month)\b|^since when\b|^how old\b/],
  [
    'when',
    /^(?:what|which|whats) (?:is )?(?:the )?(?:latest|newest|current|recent|last|next|minimum|supported|stable) (?:version|versions|release|python|cuda|cudnn)\b|^(?:what|which) (?:version|versions|python|cuda|cudnn)\b/,
  ],
  ['who', /^who\b|^(?:which|what) (?:company|companies|organi[sz]ation|organi[sz]ations|team|group|foundation|people)\b/],
  ['what', /^(?:what|whats) (?:is|are|does|do|exactly)\b|^whats\b|^explain\b|^define\b|^what\b|^how (?:much|many|big|long)\b/],
  ['cost', /^(?:is|are) .{0,40}\b(?:free|open source|paid|commercial)\b/],
];

/**
 * One thing set against another with a comparative ("faster than", "easier than", "beats"): a
 * comparison, unless the asker reports a problem with their own code (see readIntents).
 */
const COMPARATIVE =
  /\b(?:beats?|outperforms?|faster than|slower than|better than|worse than)\b|\b(?:more|less) (?:\w+ ){1,3}than\b|\b(?:easier|harder|simpler|cleaner|bigger|smaller|newer|older|lighter|heavier|quicker|cheaper|friendlier) than\b/;
const FIRST_PERSON = /\b(?:i|my|we|our|me|us|im|ive)\b/;
const PERFORMANCE_COMPLAINT =
  /\b(?:slower|slow|lower accuracy|worse accuracy|accuracy (?:drops?|is lower|is worse)|not converg\w*|doesnt converge|loss (?:is )?not (?:decreasing|going down))\b/;

/** Cues that count wherever they stand in the question. */
const ANYWHERE: [Intent, RegExp][] = [
  ['status', /\b(?:dead|dying|abandoned|deprecated|deprecation|discontinued|obsolete|end of life|sunset|archived|unmaintained|retired)\b/],
  ['status', /\bstill (?:a thing|alive|maintained|supported|developed|relevant|around|active|being developed|worth)\b/],
  [
    'status',
    /\b(?:what|whats) (?:happened|happens) (?:to|with)\b|\bfuture of\b|\bgoing away\b|\bbeing replaced\b|\brenamed\b|\breplacing\b|\breplaced by\b|\bsuperseded\b/,
  ],
  ['why', /\bwhy\b|\bhow come\b|\bwhat (?:causes|could be the cause|is causing)\b|\bthe reason\b/],
  [
    'choose',
    /\b(?:should|shall) (?:i|we|my team|our team|you) (?:learn|use|pick|choose|go with|start with|switch|move|migrate|stick|invest|adopt|prefer)\b/,
  ],
  [
    'choose',
    /\bwhich (?:one|framework|library|should|is (?:better|best|easier|faster|preferred|more|the better))\b|\bpros (?:and|&|\/)? ?cons\b/,
  ],
  [
    'choose',
    /\b(?:is|are) (?:it|they|\w+) (?:better|worse|preferred)\b|\bbetter (?:choice|option|framework|to learn|to use)\b|\bworth (?:it|learning|using|switching|knowing|looking at|trying|a look)\b/,
  ],
  ['choose', /\b(?:easiest|simplest|best|better) (?:framework|library|one|option|choice) (?:to|for)\b/],
  [
    'choose',
    /\b(?:decide|deciding|choose|choosing|pick|picking|torn|select|selecting) between\b|\b(?:help me|helping us) (?:decide|choose|pick)\b/,
  ],
  ['choose', /\breasons? to (?:choose|pick|use|prefer|switch)\b|\beither (?:framework|one|of them|of the two)\b/],
  // "will pytorch replace tensorflow", "has torch overtaken tf": one framework against the other.
  [
    'compare',
    new RegExp(
      `\\b${FRAMEWORK}\\b.{0,30}\\b(?:replace|replaces|overtake|overtakes|overtook|overtaken|take over|taken over|took over|kill|kills|killed|surpass|surpassed|dethrone|win against)\\b.{0,30}\\b${FRAMEWORK}\\b`,
    ),
  ],
  [
    'compare',
    /\bdifferences? between\b|\b(?:is|are) (?:\w+ ){1,6}the same(?: thing)?\b|\bcompared (?:to|with)\b|\bcomparison\b|\bvs\b|\bversus\b|\bhow (?:are|is) (?:they|the two|\w+) different\b|\bhow (?:do|does) (?:they|the two|\w+) differ\b|\b(?:differs?|different) from\b/,
  ],
  [
    'error',
    /\b[a-z]*(?:error|exception)\b:|\btraceback\b|\bnot compiled with\b|\bcould not load\b|\bno module named\b|\bout of memory\b|\bfailed to\b|\bsegmentation fault\b/,
  ],
  [
    'error',
    /\b(?:cant|cannot|can not|unable to|doesnt|does not|wont|isnt) (?:detect|find|see|recogni[sz]e|load|import|install|use|work|run|access)\b|\bnot (?:detected|found|recogni[sz]ed|working|using|seeing|detecting|finding|recogni[sz]ing|picking up)\b|\b(?:isnt|arent|wasnt) (?:using|working|detecting|seeing|finding)\b/,
  ],
  [
    'cost',
    /\b(?:licen[cs]e|licensing|royalt(?:y|ies)|commercial(?:ly)?|for free|free to use|cost money|costs? anything|pay(?: for| to)?|paid|pricing)\b/,
  ],
  [
    'how',
    /\bhow to\b|\b(?:know|tell me|show me|explain) how\b|\bis there (?:a|an|any) way\b|\bany (?:guides?|tutorials?|tips|advice|resources?)\b|\bguide (?:to|for|on)\b/,
  ],
  [
    'who',
    /\b(?:created by|made by|developed by|maintained by|owned by|backed by|who (?:is|are|was|were) behind|behind (?:pytorch|tensorflow|keras|jax|it))\b/,
  ],
  ['when', /\bwhen (?:did|was|were|will)\b|\brelease date\b|\b(?:latest|newest|current) (?:version|release)\b/],
];

/** The intents a text's wording carries. Empty when nothing says what kind of answer is wanted. */
export function readIntents(text: string): Set<Intent> {
  const normalized = normalizeText(text);
  const found = new Set<Intent>();
  for (const raw of normalized.split(/[?!.;\n]+|:\s/)) {
    const sentence = raw.trim().replace(PREAMBLE, '').trim();
    if (!sentence) continue;
    for (const [intent, cue] of OPENINGS) {
      if (cue.test(sentence)) {
        found.add(intent);
        break;
      }
    }
  }
  for (const [intent, cue] of ANYWHERE) if (cue.test(normalized)) found.add(intent);
  // "Is PyTorch slower than TensorFlow?" asks for a comparison; "my port is 3x slower than the
  // original" reports a problem and wants its causes, which the entries that diagnose it give.
  if (FIRST_PERSON.test(normalized) && PERFORMANCE_COMPLAINT.test(normalized)) found.add('why');
  else if (COMPARATIVE.test(normalized)) found.add('compare');
  return found;
}

/**
 * How well an entry written for `entry` intents can answer a question with `query` intents,
 * 0..1. Intents that usually come together (a choice is a comparison; a status is often asked
 * as "when"; "how do I" and "can I" want the same answer) are close; a question that says
 * nothing about the answer it wants fits anything.
 */
export function intentFit(query: ReadonlySet<Intent>, entry: ReadonlySet<Intent>): number {
  if (query.size === 0) return 1;
  // An entry whose wording says nothing about the answer it gives may still be the one.
  if (entry.size === 0) return UNSTATED_ENTRY_INTENT;
  let best = 0;
  for (const asked of query) {
    for (const offered of entry) {
      const fit = asked === offered ? 1 : (NEIGHBOURS[asked]?.[offered] ?? NEIGHBOURS[offered]?.[asked] ?? 0);
      if (fit > best) best = fit;
    }
  }
  return Math.max(best, MISMATCH_FLOOR);
}

/** The fit of an entry whose question carries no intent cue, for a question that does. */
const UNSTATED_ENTRY_INTENT = 0.85;
/** What is left when nothing the question asks for is what the entry offers. */
const MISMATCH_FLOOR = 0.4;

const NEIGHBOURS: Partial<Record<Intent, Partial<Record<Intent, number>>>> = {
  choose: { compare: 0.95, why: 0.7, support: 0.6, what: 0.6, cost: 0.6, status: 0.55 },
  compare: { choose: 0.9, what: 0.8, support: 0.75, why: 0.7, how: 0.6 },
  status: { when: 0.8, what: 0.8, support: 0.7, who: 0.6, choose: 0.55 },
  how: { support: 0.95, error: 0.9, what: 0.75, why: 0.65, choose: 0.55, compare: 0.6 },
  why: { compare: 0.75, choose: 0.75, error: 0.85, what: 0.7, how: 0.7, status: 0.65 },
  support: { how: 0.95, status: 0.75, what: 0.75, compare: 0.7, error: 0.8, when: 0.6, choose: 0.6, cost: 0.7 },
  when: { status: 0.8, who: 0.75, what: 0.7, support: 0.6 },
  who: { when: 0.75, what: 0.75, status: 0.6, cost: 0.55 },
  what: { how: 0.75, compare: 0.8, status: 0.8, support: 0.75, why: 0.7, when: 0.7, who: 0.75, choose: 0.65, cost: 0.75, error: 0.75 },
  error: { how: 0.9, why: 0.85, support: 0.8, what: 0.75 },
  cost: { support: 0.7, what: 0.75, who: 0.6, choose: 0.6 },
};
