// Whether an entry answers *this* question, not just its area. Ranking finds entries that share
// many words with a question; this module checks the three things that make a neighbouring
// entry the wrong answer even when its words match well:
// - the things the question names (LiteRT, Windows, a GPU, Google): the entry must mention each;
// - which framework the question is about: a PyTorch question is not answered by an entry
//   written about TensorFlow alone;
// - what kind of answer is wanted (a status, a how-to, a date...): see intent.ts.
// It also notices an entry that is about something the question does not name ("Do I need a
// GPU to learn...?" for "should I learn PyTorch or TensorFlow?").
// Entry profiles are built lazily, for the few entries a query ranks highly, so building the
// engine over large knowledge stays as fast as before.
import type { Knowledge } from '../../knowledge/model.js';
import type { TextAnalyzer } from '../text/analyzer.js';
import { normalizeText } from '../text/normalize.js';
import { type Direction, directionsOppose, readDirection } from './direction.js';
import { type Intent, intentFit, readIntents } from './intent.js';
import { backendsDisagree, type KerasBackend, readKerasBackends } from './keras-backend.js';
import type { QueryTerm } from './weighted-bm25.js';

export type FrameworkFocus = 'pytorch' | 'tensorflow' | 'both' | 'none';

export interface QueryReading {
  /** The query's terms with their information (IDF times the term's weight). */
  terms: { term: string; information: number }[];
  /** Terms naming things other than the two frameworks (LiteRT, Windows, GPU, Google...). */
  things: ReadonlySet<string>;
  focus: FrameworkFocus;
  intents: Set<Intent>;
  /** Names written as one joined word ("tf.keras"), with the terms of their parts. */
  compounds: Map<string, string[]>;
  /** Which way the question moves between two things ("from TensorFlow to PyTorch"), if it does. */
  direction: Direction | undefined;
  /** The backends it runs Keras on ("Keras with the TensorFlow backend"), if it names any. */
  kerasBackends: ReadonlySet<KerasBackend>;
}

export interface AnswerFit {
  /** How well the entry can answer this question, 0..1: the product of the parts below. */
  fit: number;
  /** Share of the question's information the entry itself contains (its topic's words do not count). */
  coverage: number;
  /** Below 1 when the entry does not mention things the question names, by their share of it. */
  things: number;
  focus: number;
  intent: number;
  /** Below 1 when the entry's closest way of asking names things the question does not. */
  specificity: number;
  /** Share of the closest way of asking the entry (its information) that the question contains. */
  resemblance: number;
  /**
   * Share of the question's information the answer text itself contains. An entry can be found
   * by a phrasing that names something its answer never explains ("is FSDP like DeepSpeed?").
   */
  answerCoverage: number;
  /** Share of the named things' information the answer text itself mentions (1 when none are named). */
  answerThings: number;
  /** Named things the entry never mentions. */
  missing: string[];
}

export interface AnswerFitModel {
  read(text: string, terms: readonly QueryTerm[]): QueryReading;
  fit(reading: QueryReading, entry: { kind: 'faq' | 'claim'; id: string }): AnswerFit;
}

/** The weights of the fit, in one place; measured on the labelled sets (npm run eval). */
export const FIT_MODEL = {
  /** A term only the answer mentions (not the question, phrasings or keywords) counts this much. */
  answerOnlyMention: 0.6,
  /** How hard missing named things weigh: the fit loses this times their share of the question. */
  missingThingCost: 1.6,
  /** What is left of the fit however many named things are missing. */
  thingsFloor: 0.15,
  /** A question about one framework, answered by an entry about only the other. */
  otherFramework: 0.35,
  /** A question about both, answered by an entry about one of them. */
  oneOfBoth: 0.9,
  /** A move one way ("TensorFlow to PyTorch") answered by an entry about the opposite move: as off as the other framework. */
  otherDirection: 0.35,
  /** Each thing the entry's closest way of asking names and the question does not. */
  extraThing: 0.75,
  /** A named thing the entry mentions only by its broader name (Linux for Ubuntu): this much of a mention. */
  broaderMention: 0.8,
};

/** A name written with dots, underscores, slashes, plus signs or hyphens inside it. */
const JOINED_NAME = /[\p{L}\p{N}]+(?:[._/+-][\p{L}\p{N}]+)+/gu;
const PYTORCH = 'pytorch' as const;
const TENSORFLOW = 'tensorflow' as const;

interface EntryProfile {
  /** Terms of the question, phrasings and keywords. */
  askedTerms: Set<string>;
  /** Terms of the answer (or a claim's "now"). */
  answerTerms: Set<string>;
  /** Per way of asking (question, phrasings, claim text): its terms and the things it names. */
  ways: { terms: Set<string>; things: string[]; information: number }[];
  /**
   * Every term of the entry, once, with what `fit` asks about it: one map read per query term
   * instead of one per set and per way of asking (the sets above stay the definition).
   */
  termFacts: Map<string, TermFacts>;
  focus: FrameworkFocus;
  /** Which frameworks the curated question itself names (entryFocus may narrow it to one). */
  questionFocus: FrameworkFocus;
  /** Frameworks that some way of asking the entry names alone. */
  namedAlone: Set<FrameworkFocus>;
  intents: Set<Intent>;
  /** Which way the entry moves between two things, if its question (or most phrasings) say so. */
  direction: Direction | undefined;
  /** The Keras backends its curated question names (see keras-backend.ts). */
  kerasBackends: ReadonlySet<KerasBackend>;
}

interface TermFacts {
  /** 1 when the question, phrasings or keywords use the term, `answerOnlyMention` when only the answer does. */
  mention: number;
  /** Whether the answer text uses the term. */
  inAnswer: boolean;
  /** The indexes of the ways of asking that use the term, in order. */
  ways: number[];
}

/** Which framework each term names: the frameworks themselves and their families' names. */
export type Framework = 'pytorch' | 'tensorflow';
export type FrameworkNames = ReadonlyMap<string, Framework>;

export function focusOf(terms: Iterable<string>, names: FrameworkNames): FrameworkFocus {
  let pytorch = false;
  let tensorflow = false;
  for (const term of terms) {
    const framework = names.get(term);
    if (framework === PYTORCH) pytorch = true;
    else if (framework === TENSORFLOW) tensorflow = true;
  }
  return pytorch && tensorflow ? 'both' : pytorch ? 'pytorch' : tensorflow ? 'tensorflow' : 'none';
}

/** The framework names of the knowledge's scope, as the analyzer reads them (one term each). */
function frameworkNames(knowledge: Knowledge, analyzer: TextAnalyzer): FrameworkNames {
  const names = new Map<string, 'pytorch' | 'tensorflow'>([
    [PYTORCH, PYTORCH],
    [TENSORFLOW, TENSORFLOW],
  ]);
  for (const framework of [PYTORCH, TENSORFLOW] as const) {
    for (const name of knowledge.scope.frameworkFamilies[framework]) {
      const terms = analyzer.analyze(name);
      // A joined name ("tf.data") is read as itself and its parts, which name the framework anyway.
      if (terms.length >= 1 && !names.has(terms[0]!)) names.set(terms[0]!, framework);
    }
  }
  return names;
}

/** Words before a name that make it a point of comparison rather than a subject ("like TensorFlow's memory growth"). */
const COMPARISON_CUES = new Set(['like', 'than', 'over', 'instead', 'equivalent', 'similar', 'unlike', 'versus', 'vs']);
/** How many words before a name a cue may stand ("like TensorFlow's", "similar to Keras's"). */
const CUE_REACH = 3;
/** Mentions of a framework that make an answer about it, not about the other one with it in passing. */
const ANSWER_SPEAKS_OF_BOTH = 3;

/**
 * What an entry is about: the frameworks its curated question names, except that a question
 * naming both may name one only as a point of comparison. That shows in the question itself
 * ("limit GPU memory in PyTorch, like TensorFlow's memory growth"), or, failing that, in most of
 * its phrasings naming one framework alone while its answer hardly mentions the other ("How
 * fast is TensorFlow still released, and is its community moving to PyTorch?"). An answer that
 * speaks of both keeps the entry about both, whatever its phrasings happen to say ("How do I
 * save and load a model in PyTorch, and how in TensorFlow?").
 */
function entryFocus(
  question: string,
  wayFocus: readonly FrameworkFocus[],
  answerTerms: readonly string[],
  names: FrameworkNames,
  firstTermOf: (word: string) => string | undefined,
): FrameworkFocus {
  const [focus = 'none', ...phrasingFocus] = wayFocus;
  if (focus !== 'both') return focus;
  const words = normalizeText(question)
    .split(/[^\p{L}\p{N}.]+/u)
    .filter(Boolean);
  const asSubject = new Set<Framework>();
  const asReference = new Set<Framework>();
  words.forEach((word, index) => {
    // A written word names a framework by its first term ("torch", "tf.keras").
    const term = firstTermOf(word.replace(/\.+$/, ''));
    const framework = term === undefined ? undefined : names.get(term);
    if (!framework) return;
    const cued = words.slice(Math.max(0, index - CUE_REACH), index).some((before) => COMPARISON_CUES.has(before));
    (cued ? asReference : asSubject).add(framework);
  });
  const referenceOnly = [...asReference].filter((framework) => !asSubject.has(framework));
  if (referenceOnly.length === 1) return referenceOnly[0] === PYTORCH ? TENSORFLOW : PYTORCH;

  const named = { pytorch: 0, tensorflow: 0 };
  let naming = 0;
  for (const alone of phrasingFocus) {
    if (alone === 'none') continue;
    naming++;
    if (alone === PYTORCH || alone === TENSORFLOW) named[alone]++;
  }
  const inAnswer = { pytorch: 0, tensorflow: 0 };
  for (const term of answerTerms) {
    const framework = names.get(term);
    if (framework) inAnswer[framework]++;
  }
  for (const [subject, other] of [
    [PYTORCH, TENSORFLOW],
    [TENSORFLOW, PYTORCH],
  ] as const) {
    if (naming >= 3 && named[subject] >= (2 * naming) / 3 && inAnswer[other] < ANSWER_SPEAKS_OF_BOTH) return subject;
  }
  return focus;
}

/**
 * Which way an entry moves: its question's direction, or else what the phrasings that give one
 * (at least two) all agree on.
 */
function entryDirection(texts: readonly string[], read: (text: string) => Direction | undefined): Direction | undefined {
  const [question = '', ...phrasings] = texts;
  const own = read(question);
  if (own) return own;
  const found = phrasings.map(read).filter((direction): direction is Direction => direction !== undefined);
  if (found.length < 2) return undefined;
  // What they all agree on: "pytorch to tensorflow" and "pytorch to keras" both leave PyTorch.
  const [first] = found;
  const from = found.every((direction) => direction.from === first?.from) ? first?.from : undefined;
  const to = found.every((direction) => direction.to === first?.to) ? first?.to : undefined;
  return from || to ? { from, to } : undefined;
}

export function focusFit(query: FrameworkFocus, entry: FrameworkFocus, model = FIT_MODEL): number {
  if (query === 'none' || entry === 'none' || query === entry || entry === 'both') return 1;
  if (query === 'both') return model.oneOfBoth;
  return model.otherFramework;
}

/**
 * How well an entry fits the framework(s) a question is about, and the way it moves between
 * them, 0..1 (see FIT_MODEL).
 */
function frameworkFit(reading: QueryReading, profile: EntryProfile, rivalDestinations: ReadonlyMap<string, string>): number {
  // "how are they different", "tf vs pt in a nutshell": a comparison or a choice between the
  // two is not answered by an entry about one of them, however well its words match.
  const comparesBoth = reading.focus === 'both' && (reading.intents.has('compare') || reading.intents.has('choose'));
  const aboutOne = profile.questionFocus === PYTORCH || profile.questionFocus === TENSORFLOW;
  if (
    (comparesBoth && aboutOne) ||
    directionsOppose(reading.direction, profile.direction, rivalDestinations) ||
    backendsDisagree(reading.kerasBackends, profile.kerasBackends)
  )
    return Math.min(FIT_MODEL.otherFramework, FIT_MODEL.otherDirection);
  // An entry whose own question names both frameworks, and which some way of asking puts to
  // this one alone, answers for it too, whatever most of its phrasings name ("Is the
  // TensorFlow certificate still offered, and is there a PyTorch one?").
  if (profile.questionFocus === 'both' && profile.namedAlone.has(reading.focus))
    return Math.max(focusFit(reading.focus, profile.focus), FIT_MODEL.oneOfBoth);
  return focusFit(reading.focus, profile.focus);
}

export interface FitVocabulary {
  /** Whether a term names a thing a question can be about. */
  namesThing(term: string): boolean;
  idf(term: string): number;
}

export function createAnswerFitModel(knowledge: Knowledge, analyzer: TextAnalyzer, vocabulary: FitVocabulary): AnswerFitModel {
  type EntryTexts = { asked: string[]; keywords: string[]; answer: string; question: string };
  // One map per kind, keyed by id: no key string is built per lookup on the answering path.
  const texts: Record<'faq' | 'claim', Map<string, EntryTexts>> = { faq: new Map(), claim: new Map() };
  for (const entry of knowledge.faq) {
    texts.faq.set(entry.id, { question: entry.question, asked: entry.phrasings, keywords: entry.keywords, answer: entry.answer });
  }
  for (const claim of knowledge.claims) {
    texts.claim.set(claim.id, { question: claim.claim, asked: [], keywords: claim.keywords, answer: claim.now });
  }
  const names = frameworkNames(knowledge, analyzer);
  // Narrower named thing -> its broader one, as terms ("ubuntu" -> "linux").
  const broaderOf = new Map<string, string>();
  for (const [narrower, broader] of Object.entries(knowledge.scope.broaderTerms)) {
    const [from] = analyzer.analyze(narrower);
    const [to] = analyzer.analyze(broader);
    if (from && to && from !== to) broaderOf.set(from, to);
  }
  const isThing = (term: string) => term !== PYTORCH && term !== TENSORFLOW && vocabulary.namesThing(term);
  // What one written word names as the start or end of a move: a framework by its family, any
  // other named thing by its term.
  const endpoint = (word: string): string | undefined => {
    const terms = analyzer.analyze(word);
    for (const term of terms) {
      const framework = names.get(term);
      if (framework) return framework;
    }
    return terms.find(isThing);
  };
  // Within an entry that sets PyTorch against Keras ("in PyTorch and in Keras"), Keras is the
  // TensorFlow side: it is how most TensorFlow code is written, and the answer gives that way.
  // Anywhere else Keras names no framework (Keras 3 runs on JAX and PyTorch too).
  const [kerasTerm = 'keras'] = analyzer.analyze('keras');
  // Also the sides a port can be wanted on (see directionsOppose): Keras code is TensorFlow's side.
  const namesWithKeras: FrameworkNames = new Map([...names, [kerasTerm, TENSORFLOW]]);
  const firstTermOf = (word: string): string | undefined => analyzer.analyze(word)[0];
  const directionOf = (text: string) => readDirection(text, endpoint);
  const profiles: Record<'faq' | 'claim', Map<string, EntryProfile>> = { faq: new Map(), claim: new Map() };
  // Per-way sums of one fit, reused (the engine answers one question at a time).
  let sharedScratch = new Float64Array(32);
  let sharedOfWayScratch = new Float64Array(32);

  const profileOf = (kind: 'faq' | 'claim', id: string): EntryProfile | undefined => {
    const cached = profiles[kind].get(id);
    if (cached) return cached;
    const source = texts[kind].get(id);
    if (!source) return undefined;
    const ways = [source.question, ...source.asked].map((text) => analyzer.analyze(text));
    const [question = []] = ways;
    const entryNames = focusOf(question, names) === PYTORCH && question.includes(kerasTerm) ? namesWithKeras : names;
    const wayFocus = ways.map((terms) => focusOf(terms, entryNames));
    const askedTerms = new Set([...ways.flat(), ...source.keywords.flatMap((keyword) => analyzer.analyze(keyword))]);
    // The curated question says what the entry is about; phrasings add how people ask it, and
    // an intent most of them carry is one the entry answers too.
    const intents = readIntents(source.question);
    const counts = new Map<Intent, number>();
    for (const phrasing of source.asked) for (const intent of readIntents(phrasing)) counts.set(intent, (counts.get(intent) ?? 0) + 1);
    for (const [intent, count] of counts) if (count >= Math.max(2, source.asked.length / 3)) intents.add(intent);
    const answerWords = analyzer.analyze(source.answer);
    const answerTerms = new Set(answerWords);
    const wayProfiles = ways.map((terms) => {
      const unique = new Set(terms);
      let information = 0;
      for (const term of unique) information += vocabulary.idf(term);
      return { terms: unique, things: [...new Set(terms.filter(isThing))], information };
    });
    const termFacts = new Map<string, TermFacts>();
    const factsOf = (term: string) => {
      let facts = termFacts.get(term);
      if (!facts) {
        facts = {
          mention: askedTerms.has(term) ? 1 : answerTerms.has(term) ? FIT_MODEL.answerOnlyMention : 0,
          inAnswer: answerTerms.has(term),
          ways: [],
        };
        termFacts.set(term, facts);
      }
      return facts;
    };
    for (const term of askedTerms) factsOf(term);
    for (const term of answerTerms) factsOf(term);
    wayProfiles.forEach((way, index) => {
      for (const term of way.terms) factsOf(term).ways.push(index);
    });
    const profile: EntryProfile = {
      askedTerms,
      answerTerms,
      ways: wayProfiles,
      termFacts,
      focus: entryFocus(source.question, wayFocus, answerWords, entryNames, firstTermOf),
      questionFocus: wayFocus[0] ?? 'none',
      namedAlone: new Set(wayFocus.filter((focus) => focus === PYTORCH || focus === TENSORFLOW)),
      intents,
      direction: entryDirection([source.question, ...source.asked], directionOf),
      kerasBackends: readKerasBackends(source.question),
    };
    profiles[kind].set(id, profile);
    return profile;
  };

  return {
    read(text, queryTerms) {
      const terms = queryTerms.map(({ term, weight }) => ({ term, information: weight * vocabulary.idf(term) }));
      // "tf.keras" is indexed as "tensorflowkeras" and as its parts; an entry that says
      // "Keras in TensorFlow" mentions it as well as one that writes the joined name.
      const compounds = new Map<string, string[]>();
      for (const [joined] of normalizeText(text).matchAll(JOINED_NAME)) {
        const [compound, ...parts] = analyzer.analyze(joined);
        if (compound && parts.length >= 2) compounds.set(compound, parts);
      }
      return {
        compounds,
        terms,
        things: new Set(terms.map(({ term }) => term).filter(isThing)),
        focus: focusOf(
          terms.map(({ term }) => term),
          names,
        ),
        intents: readIntents(text),
        direction: directionOf(text),
        kerasBackends: readKerasBackends(text),
      };
    },
    fit(reading, entry) {
      const profile = profileOf(entry.kind, entry.id);
      if (!profile) {
        return {
          fit: 1,
          coverage: 1,
          things: 1,
          focus: 1,
          intent: 1,
          specificity: 1,
          resemblance: 1,
          answerCoverage: 1,
          answerThings: 1,
          missing: [],
        };
      }
      const { things } = reading;
      let total = 0;
      let covered = 0;
      let missingInformation = 0;
      let inAnswer = 0;
      let thingInformation = 0;
      let thingsInAnswer = 0;
      const missing: string[] = [];
      const { termFacts } = profile;
      const mentionOf = (term: string) => termFacts.get(term)?.mention ?? 0;
      for (const { term, information } of reading.terms) {
        total += information;
        const parts = reading.compounds.get(term);
        const facts = termFacts.get(term);
        let mention = facts?.mention ?? 0;
        if (mention < 1 && parts) mention = Math.max(mention, Math.min(...parts.map(mentionOf)));
        const broader = mention < 1 ? broaderOf.get(term) : undefined;
        if (broader !== undefined) mention = Math.max(mention, FIT_MODEL.broaderMention * mentionOf(broader));
        covered += information * mention;
        const answered = (facts?.inAnswer ?? false) || (parts?.every((part) => profile.answerTerms.has(part)) ?? false);
        if (answered) inAnswer += information;
        if (things.has(term)) {
          thingInformation += information;
          if (answered) thingsInAnswer += information;
        }
        if (things.has(term) && mention < 1) {
          missingInformation += information * (1 - mention);
          if (mention === 0) missing.push(term);
        }
      }
      const coverage = total > 0 ? covered / total : 0;
      const thingsFit = total > 0 ? Math.max(FIT_MODEL.thingsFloor, 1 - FIT_MODEL.missingThingCost * (missingInformation / total)) : 1;
      const focus = frameworkFit(reading, profile, namesWithKeras);
      const intent = intentFit(reading.intents, profile.intents);
      // The ways of asking the entry that share most with the question are the ones it
      // resembles; things such a way names beyond the question's make the entry a narrower one.
      // A way that shares a little less but names nothing extra is as good a resemblance.
      let mostShared = 0;
      let bestResemblance = 0;
      let resemblance = 0;
      // Each way's share of the question, summed in the query's term order: per query term, the
      // ways that use it (one map read), not per way, every query term.
      const { ways } = profile;
      if (sharedScratch.length < ways.length) {
        sharedScratch = new Float64Array(ways.length);
        sharedOfWayScratch = new Float64Array(ways.length);
      }
      sharedScratch.fill(0, 0, ways.length);
      sharedOfWayScratch.fill(0, 0, ways.length);
      for (const { term, information } of reading.terms) {
        const using = termFacts.get(term)?.ways;
        if (!using || using.length === 0) continue;
        const idf = vocabulary.idf(term);
        for (const index of using) {
          sharedScratch[index] = sharedScratch[index]! + information;
          sharedOfWayScratch[index] = sharedOfWayScratch[index]! + idf;
        }
      }
      for (let index = 0; index < ways.length; index++) {
        const way = ways[index]!;
        const shared = sharedScratch[index]!;
        const sharedOfWay = sharedOfWayScratch[index]!;
        if (way.information > 0) resemblance = Math.max(resemblance, sharedOfWay / way.information);
        let extra = 0;
        for (const thing of way.things) if (!things.has(thing)) extra++;
        mostShared = Math.max(mostShared, shared);
        bestResemblance = Math.max(bestResemblance, shared * FIT_MODEL.extraThing ** extra);
      }
      const specificity = mostShared > 0 ? bestResemblance / mostShared : 1;
      return {
        fit: thingsFit * focus * intent * specificity,
        coverage,
        things: thingsFit,
        focus,
        intent,
        specificity,
        resemblance,
        answerCoverage: total > 0 ? inAnswer / total : 0,
        answerThings: thingInformation > 0 ? thingsInAnswer / thingInformation : 1,
        missing,
      };
    },
  };
}
