// Questions about a tracked project's current version or status ("latest keras", "is tf serving
// still maintained", "which python does tensorflow support", "is mxnet dead", "is tensorflow 2.22
// out") are answered straight from the release registry, with its sources and check date, instead
// of from whichever FAQ entry ranks first. Pure: the registry and synonyms come with the knowledge.
import type { Knowledge } from '../../knowledge/model.js';
import {
  compareVersions,
  findProjectMentions,
  longDate,
  monthYear,
  nextPhrase,
  statusPhrase,
  versionNames,
} from '../../knowledge/releases.js';
import type { ReleaseProject } from '../../knowledge/schema.js';
import type { EngineContext } from '../context.js';
import { emptyResult, followUpOf } from '../context.js';
import type { EngineResult, InputNote } from '../types.js';

export type ReleaseIntent = 'latest' | 'released' | 'next' | 'status' | 'python' | 'cuda';

export interface ReleaseQuestion {
  intent: ReleaseIntent;
  /** The projects asked about, in the order named (at most three). */
  projects: ReleaseProject[];
  /** The version the question names, for "is tensorflow 2.22 out". */
  version?: string;
  /** For status questions: whether the question asks if it is dead (true) or alive (false). */
  asksDead?: boolean;
  /** Projects the question named by a former name ("tflite" for LiteRT). */
  formerNames: string[];
}

/** Longer messages are pasted context, not a version question. */
const MAX_WORDS = 14;
const MAX_PROJECTS = 3;
const MAX_CLAIMS = 3;
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Answers stay as short as FAQ answers. */
const MAX_TEXT = 650;

/**
 * Questions that only sound like version questions: the latest release answers none of these.
 * One group of words per reason, joined into one pattern.
 */
const NOT_A_REGISTRY_QUESTION = new RegExp(
  `\\b(?:${[
    // Reasons, how-tos, installs and upgrades.
    'why|how come|reason|how (?:do|to|can|should)|install(?:ing|ed)?|upgrad\\w*|downgrad\\w*|pip|conda',
    // Errors and pasted logs, an exception's class name too ("ValueError: ... is deprecated in Keras 3").
    '\\w*(?:error|exception|warnings?)|traceback|retrac\\w*|mismatch',
    // The version a hosted notebook, platform or container ships (Colab, Kaggle, SageMaker, Vertex AI).
    'colab|kaggle|pre-?installed|sagemaker|databricks|vertex|azure ?ml|containers?|docker',
    // Comparisons: a framework "more stable" than another is not its stable release.
    'compatib\\w*|work(?:s)? with|vs\\.?|versus|compare\\w*|difference|better|faster|(?:more|less) stable|stabler|as stable',
    // What a release brings, and moving between versions or tools.
    "features?|what'?s new|changelog|tutorials?|docs|documentation|examples?|migrat\\w*|instead|alternative\\w*|replacement|dead end|breaking",
    // The asker's own setup.
    'my|i have|installed|check(?:ing)?|find out',
    // The version some code needs ("which tensorflow version does this repo need", "what pytorch version did you use").
    '(?:this|that|the|your|our) (?:repo|repository|code|codebase|project|notebook|paper|script|implementation|demo)',
    'need(?:s|ed)?|require[ds]?|required|requirements?|did you use|(?:you|they) used|should i use|to run',
    // The version that works on some hardware or system ("tensorflow gpu on native windows, which version").
    'gpu|gpus|nvidia-smi|driver|windows|wsl2?|macos|mac|jetson|raspberry',
  ].join('|')})\\b`,
  'i',
);
/** Words after a project's name that make it another product ("pytorch geometric", "tensorflow probability"). */
const SUB_PRODUCT =
  /^[\s-]+(?:geometric|mobile|hub|probability|addons|text|io|quantum|recommenders|decision|federated|model|agents|datasets|audio|ignite|metrics|rec|data|ao|codec|tts|profiler|object|privacy|graphics|ranking|transform|lattice|estimator|cloud|enterprise|foundation|conference|forums?)\b/i;

/** "version of X" / "version for X": what follows is what the version is of. */
const VERSION_OF = /\b(?:version|versions|equivalent|counterpart) (?:of|for) (?:the |a |an )?(?=[\p{L}\p{N}])/giu;
const LATEST_WORDS = /\b(?:latest|newest|current(?:ly)?|most recent|last|recent|up[- ]to[- ]date)\b/i;
const VERSION_WORDS = /\b(?:version|versions|release|releases|ver|stable)\b/i;
const RELEASED_WORDS = /\b(?:out|released|release date|available|shipped|launched|come out|came out|here yet|out yet)\b/i;
const NEXT_WORDS = /\b(?:next|upcoming|coming|planned|roadmap|when (?:is|will|does))\b/i;
const DEAD_WORDS =
  /\b(?:dead|dying|deprecated|abandoned|discontinued|archived|retired|end[- ]of[- ]life|eol|killed|sunset|obsolete|being replaced|replaced|shut ?down)\b/i;
const ALIVE_WORDS =
  /\b(?:maintained|maintenance|alive|still (?:developed|supported|updated|around|active|a thing|going|used|released)|actively developed|active development|supported anymore|still exist|still available)\b/i;
/** "python 3.13", "python versions", "which python": a Python-support question, not "python developers". */
const PYTHON_WORDS = /\bpython\s*(?:3(?:\.\d+)?|versions?)\b|\b(?:which|what) python\b/i;
/** "cuda 12.6", "cuda versions", "which cuda", "cu130": a CUDA-support question. */
const CUDA_WORDS = /\bcuda\s*(?:1\d(?:\.\d+)?|versions?|wheels?|builds?)\b|\b(?:which|what) cuda\b|\bcu1\d{2}\b/i;
/** A version a user writes: 2.22, v4, 3.15.1, 2.22.0rc0 (a bare number such as a year or a batch size is not one). */
const ASKED_VERSION = /(?<![\p{L}\p{N}_.])(?:v(\d+(?:\.\d+){0,2})|(\d+(?:\.\d+){1,2}(?:-?rc\d*)?))(?![\p{L}\p{N}_]|\.\d)/iu;

/** A version without its release-candidate suffix: "2.22.0rc1" and "2.22-rc0" name the 2.22.0 line. */
const withoutCandidate = (version: string) => version.replace(/-?rc\d*$/i, '');

/** Whether a version the user wrote names the project's next release (or one of its candidates). */
function namesNextRelease(
  version: string,
  project: ReleaseProject,
): project is ReleaseProject & { next: NonNullable<ReleaseProject['next']> } {
  return project.next !== undefined && versionNames(withoutCandidate(version), project.next.version);
}

interface ProjectIndex {
  projects: ReleaseProject[];
}

const indexes = new WeakMap<Knowledge, ProjectIndex>();

/** The registry with each project's synonyms from synonyms.yaml added as names ("pt", "tf serving"). */
function projectIndex(knowledge: Knowledge): ProjectIndex {
  let index = indexes.get(knowledge);
  if (!index) {
    const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const projects = knowledge.releases.map((project) => {
      const names = new Set([project.id, project.name, ...project.aliases, ...project.former_names].map(squash));
      const extra = knowledge.synonyms
        .filter((group) => names.has(squash(group.canonical)))
        .flatMap((group) => [group.canonical, ...group.variants]);
      const known = new Set([project.id, project.name, ...project.aliases, ...project.former_names].map((n) => n.toLowerCase()));
      return { ...project, aliases: [...project.aliases, ...extra.filter((name) => !known.has(name.toLowerCase()))] };
    });
    // A synonym may name two projects only if one of them owns it; drop names two projects share.
    const owners = new Map<string, Set<string>>();
    for (const project of projects) {
      for (const name of project.aliases) owners.set(name.toLowerCase(), (owners.get(name.toLowerCase()) ?? new Set()).add(project.id));
    }
    index = {
      projects: projects.map((project) => ({
        ...project,
        aliases: project.aliases.filter((name) => owners.get(name.toLowerCase())!.size === 1),
      })),
    };
    indexes.set(knowledge, index);
  }
  return index;
}

/** Reads a question as a registry question, or returns undefined when it is something else. */
export function recogniseReleaseQuestion(knowledge: Knowledge, text: string): ReleaseQuestion | undefined {
  if (knowledge.releases.length === 0) return undefined;
  const words = text.match(/[\p{L}\p{N}.]+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  if (NOT_A_REGISTRY_QUESTION.test(text)) return undefined;
  const { projects } = projectIndex(knowledge);
  const mentions = findProjectMentions(text, projects).filter((mention) => !SUB_PRODUCT.test(text.slice(mention.end)));
  const ids = [...new Set(mentions.map((mention) => mention.projectId))];
  if (ids.length === 0 || ids.length > MAX_PROJECTS) return undefined;
  // "the pytorch version of model.summary()" asks for an equivalent, not a release: the version
  // asked about is of something that is not a project the registry tracks.
  for (const match of text.matchAll(VERSION_OF)) {
    const object = (match.index ?? 0) + match[0].length;
    if (!mentions.some((mention) => mention.start <= object && object < mention.end)) return undefined;
  }
  const named = ids.map((id) => knowledge.releases.find((project) => project.id === id)!);
  const formerNames = ids.filter((id) => mentions.every((mention) => mention.projectId !== id || mention.former));
  // A version the user names, outside the project names themselves ("keras 3" is a name).
  let rest = text;
  for (const mention of [...mentions].reverse()) rest = `${rest.slice(0, mention.start)} ${rest.slice(mention.end)}`;
  const versionMatch = rest.match(ASKED_VERSION);
  const asked = versionMatch ? (versionMatch[1] ?? versionMatch[2]) : undefined;
  const textWithoutVersions = rest.replace(new RegExp(ASKED_VERSION.source, 'giu'), ' ');

  // Support of an older release ("python for pytorch 1.9") is not what the registry records.
  const olderRelease = (project: ReleaseProject) =>
    asked !== undefined && !/^(?:3\.\d+|1\d(?:\.\d+)?)$/.test(asked) && !versionNames(asked, project.latest.version);
  if (PYTHON_WORDS.test(text)) {
    if (named.some(olderRelease)) return undefined;
    const withPython = named.filter((project) => project.python !== undefined);
    return withPython.length > 0 && withPython.length === named.length ? { intent: 'python', projects: named, formerNames } : undefined;
  }
  if (CUDA_WORDS.test(text)) {
    if (named.some(olderRelease)) return undefined;
    const withCuda = named.filter((project) => project.cuda !== undefined);
    return withCuda.length > 0 && withCuda.length === named.length ? { intent: 'cuda', projects: named, formerNames } : undefined;
  }
  if (DEAD_WORDS.test(textWithoutVersions) || ALIVE_WORDS.test(textWithoutVersions)) {
    // "Is TensorFlow dead?" is a question about the framework choice itself, which the FAQ answers
    // with more nuance than a status line; the registry answers for the ecosystem projects.
    const ecosystem = named.filter((project) => project.id !== 'pytorch' && project.id !== 'tensorflow');
    if (ecosystem.length !== named.length) return undefined;
    // "Is TF Lite still a thing?" asks what happened to the old name: the FAQ tells the rename story.
    if (formerNames.length === named.length) return undefined;
    return { intent: 'status', projects: named, asksDead: DEAD_WORDS.test(textWithoutVersions), formerNames };
  }
  // "when was tensorflow 2.0 released" asks for a date the registry does not keep for older
  // releases; the history entries have it. The latest and the next release it does know.
  if (
    asked &&
    /\bwhen\b/i.test(text) &&
    !named.every((project) => versionNames(asked, project.latest.version) || namesNextRelease(asked, project))
  )
    return undefined;
  if (asked && (RELEASED_WORDS.test(textWithoutVersions) || /\bis there\b/i.test(text))) {
    return named.length === 1 ? { intent: 'released', projects: named, version: asked, formerNames } : undefined;
  }
  // A question about a particular release ("python for pytorch 1.9") is not about the latest one.
  if (asked !== undefined && !named.every((project) => versionNames(asked, project.latest.version))) return undefined;
  // "next tensorflow version", "when does the next keras come out".
  if (NEXT_WORDS.test(textWithoutVersions) && (VERSION_WORDS.test(textWithoutVersions) || RELEASED_WORDS.test(textWithoutVersions)))
    return { intent: 'next', projects: named, formerNames };
  if (LATEST_WORDS.test(textWithoutVersions) || VERSION_WORDS.test(textWithoutVersions)) {
    // "keras version" and "latest keras" are version questions; a bare name is not, and neither
    // is "yolo tensorflow version", which asks for a TensorFlow version *of YOLO*.
    if (!LATEST_WORDS.test(textWithoutVersions) && !/\bwhat(?:'?s)?\b|\bwhich\b|^\W*(?:the\s+)?versions?\W*$/iu.test(textWithoutVersions)) {
      return undefined;
    }
    return { intent: 'latest', projects: named, formerNames };
  }
  return undefined;
}

function releasedPhrase(project: ReleaseProject): string {
  const { released, released_by: releasedBy } = project.latest;
  if (released) return released.length === 7 ? `released in ${monthYear(released)}` : `released on ${longDate(released)}`;
  if (releasedBy) return `out by ${longDate(releasedBy)}`;
  return 'its release date not confirmed';
}

function latestSentence(project: ReleaseProject): string {
  // With a later release reported but not confirmed (see `unconfirmed`, which the answer adds),
  // the newest confirmed one may not be the newest there is: the sentence says which it is.
  const which = project.unconfirmed ? `latest ${project.name} release confirmed from its sources` : `latest stable ${project.name} release`;
  return `The ${which} is ${project.latest.version}, ${releasedPhrase(project)}.`;
}

function statusSentence(project: ReleaseProject): string {
  const detail = project.status.detail ? ` (${project.status.detail})` : '';
  return `${project.name} is ${statusPhrase(project)}${detail}.`;
}

/**
 * The status as the answer's first sentence. Where the registry settles the question either way
 * the sentence says so in words ("Keras is not dead: it is actively developed"), not with a bare
 * "Yes." or "No.", which reads right only for the one wording it was written for.
 */
function statusVerdict(project: ReleaseProject, asksDead: boolean): string {
  const state = project.status.state;
  const detail = project.status.detail ? ` (${project.status.detail})` : '';
  const status = `${statusPhrase(project)}${detail}`;
  if (state === 'active') return `${project.name} is ${asksDead ? 'not dead' : 'still maintained'}: it is ${status}.`;
  if (['retired', 'archived', 'deprecated', 'superseded'].includes(state))
    return `${project.name} is no longer maintained: it is ${status}.`;
  return statusSentence(project);
}

/** "TensorFlow Lite was renamed LiteRT in September 2024." when the question used the old name. */
function renameSentence(question: ReleaseQuestion, project: ReleaseProject): string | undefined {
  if (!question.formerNames.includes(project.id) || !project.status.detail) return undefined;
  const detail = project.status.detail;
  return `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`;
}

function answerText(question: ReleaseQuestion): { question: string; text: string } {
  const names = question.projects.map((project) => project.name).join(' and ');
  const parts: string[] = [];
  for (const project of question.projects) {
    const renamed = renameSentence(question, project);
    if (renamed) parts.push(renamed);
  }
  switch (question.intent) {
    case 'latest':
      for (const project of question.projects) {
        parts.push(latestSentence(project));
        if (project.next) parts.push(`Next: ${nextPhrase(project)}.`);
        if (project.status.state !== 'active') parts.push(statusSentence(project));
      }
      return { question: `What is the latest ${names} release?`, text: parts.join(' ') };
    case 'next':
      for (const project of question.projects) {
        parts.push(
          project.next
            ? `Next ${project.name} release: ${nextPhrase(project)}.`
            : `No next ${project.name} release was confirmed as of ${longDate(project.checked)}.`,
        );
        parts.push(latestSentence(project));
      }
      return { question: `When is the next ${names} release?`, text: parts.join(' ') };
    case 'status':
      for (const project of question.projects) {
        // Asked by an old name, the rename is the answer's first sentence; no yes/no about the old name.
        const renamed = question.formerNames.includes(project.id);
        parts.push(renamed ? `${project.name} is ${statusPhrase(project)}.` : statusVerdict(project, question.asksDead ?? false));
        parts.push(`Its latest release is ${project.latest.version}, ${releasedPhrase(project)}.`);
        if (project.next) parts.push(`Next: ${nextPhrase(project)}.`);
      }
      return { question: `Is ${names} still maintained?`, text: parts.join(' ') };
    case 'python':
      for (const project of question.projects) {
        parts.push(`${project.name} ${project.latest.version} supports Python ${project.python}.`);
        if (project.python_note) parts.push(project.python_note);
      }
      return { question: `Which Python versions does ${names} support?`, text: parts.join(' ') };
    case 'cuda':
      for (const project of question.projects) {
        parts.push(`${project.name} ${project.latest.version} publishes builds for CUDA ${project.cuda}.`);
        if (project.cuda_note) parts.push(project.cuda_note);
      }
      return { question: `Which CUDA versions does ${names} support?`, text: parts.join(' ') };
    case 'released': {
      const project = question.projects[0]!;
      const asked = question.version!;
      const isLatestLine = versionNames(withoutCandidate(asked), project.latest.version);
      if (!/rc/i.test(asked) && (isLatestLine || compareVersions(asked, project.latest.version) < 0)) {
        parts.push(`${project.name} ${asked} is out. ${latestSentence(project)}`);
      } else if (namesNextRelease(asked, project)) {
        const stage = project.next.stage === 'release-candidate' ? 'Only as release candidates so far' : 'Not yet';
        parts.push(`${stage}: ${nextPhrase(project)}. ${latestSentence(project)}`);
      } else {
        parts.push(`Not that I can confirm as of ${longDate(project.checked)}. ${latestSentence(project)}`);
        if (project.next) parts.push(`Next: ${nextPhrase(project)}.`);
      }
      return { question: `Is ${project.name} ${asked} released?`, text: parts.join(' ') };
    }
  }
}

function topicOf(question: ReleaseQuestion): string {
  if (question.intent === 'python') return 'platforms';
  if (question.intent === 'cuda') return 'hardware';
  return question.projects[0]!.topic;
}

/** The registry's answer to a version or status question, or undefined for any other question. */
export function releaseAnswer(context: EngineContext, query: string, notes: InputNote[]): EngineResult | undefined {
  const question = recogniseReleaseQuestion(context.knowledge, query);
  if (!question) return undefined;
  const { projects } = question;
  const sourceIds = projects.flatMap((project) => [
    ...project.latest.sources,
    ...(question.intent === 'status' ? project.status.sources : []),
    ...(project.next && question.intent !== 'python' && question.intent !== 'cuda' ? project.next.sources : []),
    ...(question.intent === 'python' || question.intent === 'cuda' ? project.support_sources : []),
  ]);
  const answer = answerText(question);
  // What could not be confirmed is part of the answer, while the answer stays short.
  const caveats = question.intent === 'latest' || question.intent === 'released' || question.intent === 'next' ? projects : [];
  let text = answer.text;
  for (const project of caveats) {
    const caveat = project.unconfirmed ? ` ${project.unconfirmed}` : '';
    if (caveat && text.length + caveat.length <= MAX_TEXT) text += caveat;
  }
  const topic = topicOf(question);
  // The topic's own questions as follow-ups, those that name the project first.
  const names = projects.flatMap((project) => [project.name, ...project.aliases, ...project.former_names].map((n) => n.toLowerCase()));
  const topicEntries = context.knowledge.faq.filter((entry) => entry.topic === topic);
  const naming = topicEntries.filter((entry) => names.some((name) => entry.question.toLowerCase().includes(name)));
  const followUps = [...new Set([...naming, ...topicEntries])].map(followUpOf);
  // The checked claims about the project (what the articles said of it, and what holds now).
  const mentionsProject = (text: string) =>
    names.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
  const claimIds = context.knowledge.claims
    .filter(
      (claim) => projects.some((project) => project.topic === claim.topic) && (mentionsProject(claim.claim) || mentionsProject(claim.now)),
    )
    .map((claim) => claim.id);
  return {
    ...emptyResult(query, notes),
    kind: 'answer',
    question: answer.question,
    text,
    topic,
    confidence: 0.95,
    entryId: `releases-${projects.map((project) => project.id).join('-')}`,
    sources: context.references.sources(sourceIds),
    claims: context.references.claims(claimIds).slice(0, MAX_CLAIMS),
    followUps: followUps.slice(0, 3),
    // The oldest check among the projects the answer rests on.
    asOf: projects.map((project) => project.checked).sort()[0]!,
  };
}
