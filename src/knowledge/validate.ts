// Checks that hold across files: ids are unique, every reference resolves, and every claim that
// asserts something checkable cites a source. Each problem names the file, the entry and the field.
import type { KnowledgeProblem } from './load.js';
import type { Knowledge } from './model.js';
import { CHECKABLE_VERDICTS, type Source } from './schema.js';

export interface CrossReferenceInput {
  knowledge: Knowledge;
  /** Every source declaration with the file that declared it (duplicates included). */
  sourceFiles: { source: Source; file: string }[];
  /** Topic id to its file, for messages. */
  topicFiles: Map<string, string>;
  sourcesFile: string;
  recommendationsFile: string;
  synonymsFile: string;
  releasesFile: string;
}

export function findCrossReferenceProblems(input: CrossReferenceInput): KnowledgeProblem[] {
  const { knowledge, topicFiles } = input;
  const problems: KnowledgeProblem[] = [];
  const fileOfTopic = (topic: string) => topicFiles.get(topic) ?? `knowledge/topics/${topic}.yaml`;
  const displaySourceFile = (file: string) => (file === 'sources.yaml' ? input.sourcesFile : file);

  const seenSources = new Map<string, string>();
  for (const { source, file } of input.sourceFiles) {
    const earlier = seenSources.get(source.id);
    if (earlier) {
      problems.push({
        file: displaySourceFile(file),
        where: `sources "${source.id}"`,
        message: `duplicate source id (also declared in ${displaySourceFile(earlier)})`,
      });
    } else {
      seenSources.set(source.id, file);
    }
  }

  // FAQ entries and claims share one id space, because an answer reports either as its entryId.
  const seenEntries = new Map<string, string>();
  const noteEntryId = (entryId: string, topic: string, section: string) => {
    const earlier = seenEntries.get(entryId);
    if (earlier) {
      problems.push({ file: fileOfTopic(topic), where: `${section} "${entryId}" > id`, message: `duplicate id (also used in ${earlier})` });
    } else {
      seenEntries.set(entryId, fileOfTopic(topic));
    }
  };
  for (const entry of knowledge.faq) noteEntryId(entry.id, entry.topic, 'faq');
  for (const claim of knowledge.claims) noteEntryId(claim.id, claim.topic, 'claims');

  const faqIds = new Set(knowledge.faq.map((entry) => entry.id));
  const claimIds = new Set(knowledge.claims.map((claim) => claim.id));
  const topicIds = new Set(knowledge.topics.map((topic) => topic.id));
  const isArticle = (sourceId: string) => knowledge.sources[sourceId]?.kind === 'article';

  for (const entry of knowledge.faq) {
    const file = fileOfTopic(entry.topic);
    const where = (field: string) => `faq "${entry.id}" > ${field}`;
    for (const sourceId of entry.sources) {
      if (!knowledge.sources[sourceId]) problems.push({ file, where: where('sources'), message: `unknown source id "${sourceId}"` });
    }
    for (const claimId of entry.claims) {
      if (!claimIds.has(claimId)) problems.push({ file, where: where('claims'), message: `unknown claim id "${claimId}"` });
    }
    for (const relatedId of entry.related) {
      if (relatedId === entry.id) problems.push({ file, where: where('related'), message: 'an entry cannot be related to itself' });
      else if (!faqIds.has(relatedId)) problems.push({ file, where: where('related'), message: `unknown FAQ id "${relatedId}"` });
    }
  }

  for (const claim of knowledge.claims) {
    const file = fileOfTopic(claim.topic);
    const where = (field: string) => `claims "${claim.id}" > ${field}`;
    for (const articleId of claim.articles) {
      if (!knowledge.sources[articleId]) problems.push({ file, where: where('articles'), message: `unknown source id "${articleId}"` });
      else if (!isArticle(articleId))
        problems.push({ file, where: where('articles'), message: `"${articleId}" is not a seed article (kind: article)` });
    }
    for (const sourceId of claim.sources) {
      if (!knowledge.sources[sourceId]) problems.push({ file, where: where('sources'), message: `unknown source id "${sourceId}"` });
    }
    const evidence = claim.sources.filter((sourceId) => knowledge.sources[sourceId] && !isArticle(sourceId));
    if (CHECKABLE_VERDICTS.includes(claim.verdict) && evidence.length === 0) {
      problems.push({
        file,
        where: where('sources'),
        message: `a claim judged "${claim.verdict}" needs at least one source other than the articles`,
      });
    }
    if (claim.verdict === 'unverified' && !claim.unconfirmed) {
      problems.push({ file, where: where('unconfirmed'), message: 'an unverified claim must say what could not be confirmed' });
    }
  }

  const seenCriteria = new Set<string>();
  for (const criterion of knowledge.criteria) {
    const where = (field: string) => `criteria "${criterion.id}" > ${field}`;
    if (seenCriteria.has(criterion.id))
      problems.push({ file: input.recommendationsFile, where: where('id'), message: 'duplicate criterion id' });
    seenCriteria.add(criterion.id);
    if (!topicIds.has(criterion.topic))
      problems.push({ file: input.recommendationsFile, where: where('topic'), message: `unknown topic "${criterion.topic}"` });
    for (const claimId of criterion.claims) {
      if (!claimIds.has(claimId))
        problems.push({ file: input.recommendationsFile, where: where('claims'), message: `unknown claim id "${claimId}"` });
    }
  }

  const groupOfVariant = new Map<string, string>();
  for (const group of knowledge.synonyms) {
    for (const variant of group.variants) {
      const key = variant.toLowerCase();
      const earlier = groupOfVariant.get(key);
      if (earlier && earlier !== group.canonical) {
        problems.push({
          file: input.synonymsFile,
          where: `synonyms "${group.canonical}" > variants`,
          message: `"${variant}" is also a variant of "${earlier}"`,
        });
      }
      groupOfVariant.set(key, group.canonical);
    }
  }

  problems.push(...findReleaseProblems(input));
  return problems;
}

/** The registry's own references: unique ids and names, and every source it cites declared. */
function findReleaseProblems(input: CrossReferenceInput): KnowledgeProblem[] {
  const { knowledge, releasesFile: file } = input;
  const problems: KnowledgeProblem[] = [];
  const seenIds = new Set<string>();
  const nameOwner = new Map<string, string>();
  for (const project of knowledge.releases) {
    const where = (field: string) => `projects "${project.id}" > ${field}`;
    if (seenIds.has(project.id)) problems.push({ file, where: where('id'), message: 'duplicate project id' });
    if (!knowledge.topics.some((topic) => topic.id === project.topic)) {
      problems.push({ file, where: where('topic'), message: `unknown topic "${project.topic}"` });
    }
    seenIds.add(project.id);
    for (const name of [project.id, project.name, ...project.aliases, ...project.former_names]) {
      const key = name.toLowerCase();
      const owner = nameOwner.get(key);
      if (owner && owner !== project.id) problems.push({ file, where: where('aliases'), message: `"${name}" also names "${owner}"` });
      nameOwner.set(key, project.id);
    }
    const cited: [string, string[]][] = [
      ['latest > sources', project.latest.sources],
      ['next > sources', project.next?.sources ?? []],
      ['status > sources', project.status.sources],
      ['support_sources', project.support_sources],
    ];
    for (const [field, ids] of cited) {
      for (const sourceId of ids) {
        if (!knowledge.sources[sourceId]) problems.push({ file, where: where(field), message: `unknown source id "${sourceId}"` });
      }
    }
    if ((project.python !== undefined || project.cuda !== undefined) && project.support_sources.length === 0) {
      problems.push({ file, where: where('support_sources'), message: 'python and cuda need at least one source' });
    }
    if (project.next && project.next.version === project.latest.version) {
      problems.push({ file, where: where('next > version'), message: 'is the same as the latest version' });
    }
  }
  return problems;
}
