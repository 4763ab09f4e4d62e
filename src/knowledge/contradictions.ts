// Finds prose that states a current version or a maintenance status of a tracked project which
// the release registry contradicts ("the latest PyTorch is 2.13", "TorchServe is actively
// maintained"). It reads sentence by sentence and is deliberately narrow: a version counts only
// next to a project's name and a word that makes it current (latest, newest, current, now at),
// and a status only as "<project> is <status>". History ("PyTorch 2.0 introduced torch.compile",
// "2.13.0 came out in July 2026", "TorchServe was actively developed until 2024") is left alone.
import type { Knowledge } from './model.js';
import { findProjectMentions, statusPhrase, versionNames } from './releases.js';
import type { MaintenanceState, ReleaseProject } from './schema.js';

export interface Contradiction {
  /** e.g. "knowledge/topics/overview.yaml". */
  file: string;
  /** e.g. `faq "overview-current-versions" > answer`. */
  where: string;
  /** The entry (FAQ or claim id) or comparison aspect. */
  entryId: string;
  projectId: string;
  kind: 'version' | 'status';
  /** What the text says, e.g. "2.13" or "actively maintained". */
  stated: string;
  /** What the registry says, e.g. "2.14.0" or "in limited maintenance since February 2025". */
  registry: string;
  sentence: string;
  message: string;
}

/** Words that make a version the current one. */
const CURRENT = /\b(?:latest|newest|current(?:ly)?|most recent|now at|now on|is now)\b/gi;
/** "was the latest", "were current": the sentence speaks of the past. */
const PAST_BEFORE_CUE = /\b(?:was|were|had been|then)\s+(?:\w+\s+)?$/i;
/** Words that allow the next release (a planned version, a release candidate) to be named. */
const NEXT_WORDS =
  /\b(?:next|upcoming|planned|scheduled|release candidates?|rc\d*|preview|beta|nightly|nightlies|in development|dev version)\b/i;
/** A version number: 2.14, 2.14.0, v3.15.1, 3.15.x, 2.22.0rc0, 2.22.0-rc0. */
const VERSION = /(?<![\p{L}\p{N}_.])v?(\d+\.\d+(?:\.\d+)?(?:\.x)?(?:-?rc\d*)?)(?![\p{L}\p{N}_]|\.\d)/giu;
/** Version numbers of other things: Python 3.13, CUDA 13.0, ROCm 7.2, Android 15, driver 580.65. */
const OTHER_THING_BEFORE =
  /\b(?:python|py|cuda|cu|cudnn|rocm|android|ios|macos|chrome|safari|firefox|edge|node(?:\.js)?|ubuntu|driver|xcode|gcc|clang|msvc|numpy|protobuf|opset|capability|java|windows|onnx|nccl|triton|tensorrt|glibc|manylinux|api level|level)\s*(?:version\s*)?(?:>=|<=|==|~=)?\s*$/i;
/** Words that start another clause: a currency word beyond them speaks of something else. */
const CLAUSE_BREAK = /[;:]|\b(?:so|but|which|whose|while|although|whereas|because)\b/i;
/** How far a currency word may be from the project's name. */
const CUE_REACH = 60;

type StatusClaim = 'actively-developed' | 'maintained' | 'not-dead' | 'dead';

const STATUS_PATTERNS: { claim: StatusClaim; pattern: RegExp }[] = [
  { claim: 'actively-developed', pattern: /^(?:actively (?:maintained|developed)|under active development|in active development)\b/i },
  { claim: 'dead', pattern: /^no longer (?:actively )?(?:maintained|developed|supported|released)\b/i },
  { claim: 'maintained', pattern: /^(?:still )?(?:maintained|supported|alive|under development)\b/i },
  { claim: 'not-dead', pattern: /^not (?:deprecated|retired|dead|abandoned|discontinued|archived)\b/i },
  {
    claim: 'dead',
    pattern:
      /^(?:(?:officially|now|formally)\s+)?(?:deprecated|retired|archived|dead|discontinued|abandoned|unmaintained|end[- ]of[- ]life)\b/i,
  },
];

/** Which registry states each kind of status statement contradicts. */
const CONTRADICTED_BY: Record<StatusClaim, readonly MaintenanceState[]> = {
  'actively-developed': ['dormant', 'limited-maintenance', 'being-replaced', 'deprecated', 'superseded', 'archived', 'retired', 'renamed'],
  maintained: ['limited-maintenance', 'deprecated', 'archived', 'retired'],
  'not-dead': ['deprecated', 'archived', 'retired'],
  dead: ['active'],
};

/** "<project> is|are|remains [still|now|currently] <status>", right after the project's name. */
const LINK = /^(?:'s|\s+(?:is|are|remains|has been|have been|stays))\s+(?:(?:still|now|currently|also|very much)\s+)?/i;

/** Splits prose into sentences without cutting version numbers ("2.14.0") or "e.g.". */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+(?=[A-Z("“`*])|\n{2,}/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The contradictions one sentence holds against the registry. */
export function contradictionsInSentence(
  sentence: string,
  projects: ReadonlyMap<string, ReleaseProject>,
): { projectId: string; kind: 'version' | 'status'; stated: string; registry: string }[] {
  const mentions = findProjectMentions(sentence, projects.values());
  const found: { projectId: string; kind: 'version' | 'status'; stated: string; registry: string }[] = [];
  const allowsNext = NEXT_WORDS.test(sentence);

  // A current version: each currency word is read with the nearest project name and the nearest
  // version in its clause ("the latest PyTorch is 2.13", "PyTorch 2.13 is the newest release").
  for (const [from, to] of clauses(sentence)) {
    const inClause = (at: number) => at >= from && at < to;
    const names = mentions.filter((mention) => inClause(mention.start) && !mention.former);
    const versions = [...sentence.slice(from, to).matchAll(VERSION)]
      .map((match) => ({ stated: match[1]!, start: from + match.index, end: from + match.index + match[0].length }))
      .filter((version) => !OTHER_THING_BEFORE.test(sentence.slice(0, version.start)))
      // The end of a range ("Python 3.10–3.14") belongs with its start.
      .filter((version) => !/\d\s*(?:–|-|to|through)\s*v?$/.test(sentence.slice(0, version.start)));
    for (const cue of sentence.slice(from, to).matchAll(CURRENT)) {
      const at = from + cue.index;
      if (PAST_BEFORE_CUE.test(sentence.slice(from, at))) continue;
      const mention = nearest(names, at, CUE_REACH);
      const version = nearest(versions, at, CUE_REACH);
      if (!mention || !version) continue;
      // The version must belong to that name: no other project named between them, no "was" either.
      const [left, right] = version.start > mention.start ? [mention.end, version.start] : [version.end, mention.start];
      if (mentions.some((other) => other !== mention && other.start >= left && other.end <= right)) continue;
      // Another version in between ("Keras 3 as the default from 2.16, latest 2.21.0"): whose is unclear.
      if (versions.some((other) => other !== version && other.start >= left && other.end <= right)) continue;
      // A version before the name is the name's only when the currency word joins them ("2.13 is the
      // latest PyTorch"); in "the latest is 3.15.1) supports JAX" the version belongs to an earlier subject.
      if (version.start < mention.start && !(at > version.end && at < mention.start)) continue;
      // The currency word must qualify the name or the version: at most three words from one of them.
      const gap = (item: { start: number; end: number }) =>
        at < item.start ? sentence.slice(at + cue[0].length, item.start) : at > item.end ? sentence.slice(item.end, at) : '';
      const wordsApart = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
      if (Math.min(wordsApart(gap(mention)), wordsApart(gap(version))) > 3) continue;
      const between = sentence.slice(Math.min(at, left), Math.max(at, right));
      if (/\b(?:was|were|had been)\b/i.test(between)) continue;
      // "the newest TensorFlow that AMD builds", "the latest PyTorch for ROCm": a narrower subject.
      if (/\b(?:that|for|on|under|built by|supported by)\b/i.test(between)) continue;
      const project = projects.get(mention.projectId)!;
      if (isRegistryVersion(version.stated, project, allowsNext)) continue;
      if (found.some((f) => f.projectId === project.id && f.stated === version.stated)) continue;
      found.push({ projectId: project.id, kind: 'version', stated: version.stated, registry: project.latest.version });
    }
  }

  mentions.forEach((mention) => {
    const project = projects.get(mention.projectId)!;
    // A status: "TorchServe is actively maintained", "MXNet is still maintained".
    if (!mention.former) {
      const after = sentence.slice(mention.end);
      const link = after.match(LINK);
      if (link) {
        const rest = after.slice(link[0].length);
        const status = STATUS_PATTERNS.find(({ pattern }) => pattern.test(rest));
        if (status && CONTRADICTED_BY[status.claim].includes(project.status.state)) {
          found.push({
            projectId: project.id,
            kind: 'status',
            stated: rest.match(status.pattern)![0],
            registry: statusPhrase(project),
          });
        }
      }
    }
  });
  return found;
}

/** [start, end) of each clause: the sentence cut at semicolons, colons and clause words. */
function clauses(sentence: string): [number, number][] {
  const cuts = [0, ...[...sentence.matchAll(new RegExp(CLAUSE_BREAK.source, 'gi'))].map((m) => m.index), sentence.length];
  return cuts.slice(1).map((end, index) => [cuts[index]!, end]);
}

/** The item whose start is closest to `at`, within `reach` characters. */
function nearest<T extends { start: number; end: number }>(items: T[], at: number, reach: number): T | undefined {
  let best: T | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const distance = at < item.start ? item.start - at : at > item.end ? at - item.end : 0;
    if (distance <= reach && distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

function isRegistryVersion(stated: string, project: ReleaseProject, allowsNext: boolean): boolean {
  if (/rc/i.test(stated))
    return allowsNext && project.next !== undefined && versionNames(stated.replace(/-?rc\d*$/i, ''), project.next.version);
  if (versionNames(stated, project.latest.version)) return true;
  return allowsNext && project.next !== undefined && versionNames(stated, project.next.version);
}

/** Every contradiction between the knowledge's prose and its release registry. */
export function findContradictions(knowledge: Knowledge): Contradiction[] {
  const projects = new Map(knowledge.releases.map((project) => [project.id, project]));
  if (projects.size === 0) return [];
  const results: Contradiction[] = [];
  const fileOf = (topic: string) => `knowledge/topics/${topic}.yaml`;
  const check = (file: string, where: string, entryId: string, text: string | undefined) => {
    if (!text) return;
    for (const sentence of sentences(text)) {
      for (const found of contradictionsInSentence(sentence, projects)) {
        const name = projects.get(found.projectId)!.name;
        const message =
          found.kind === 'version'
            ? `says ${name} is currently at ${found.stated}, but knowledge/releases.yaml has ${found.registry}; write {{${found.projectId}.latest}} instead`
            : `says ${name} is ${found.stated}, but knowledge/releases.yaml has it ${found.registry}; write {{${found.projectId}.status}} instead`;
        results.push({ file, where, entryId, ...found, sentence, message });
      }
    }
  };
  for (const entry of knowledge.faq) check(fileOf(entry.topic), `faq "${entry.id}" > answer`, entry.id, entry.answer);
  for (const claim of knowledge.claims) {
    check(fileOf(claim.topic), `claims "${claim.id}" > now`, claim.id, claim.now);
  }
  for (const [topic, rows] of Object.entries(knowledge.comparisons)) {
    for (const row of rows) {
      check(fileOf(topic), `comparison "${row.aspect}" > pytorch`, row.aspect, row.pytorch);
      check(fileOf(topic), `comparison "${row.aspect}" > tensorflow`, row.aspect, row.tensorflow);
    }
  }
  for (const criterion of knowledge.criteria)
    check('knowledge/recommendations.yaml', `criteria "${criterion.id}" > why`, criterion.id, criterion.why);
  return results;
}
