// What a curator should re-check (npm run kb:stale): entries and claims past their review
// interval, entries checked against versions older than the registry's latest, registry entries
// past theirs, and prose that contradicts the registry. Pure: "today" is a parameter.
import { findContradictions, type Contradiction } from './contradictions.js';
import type { Knowledge } from './model.js';
import { compareVersions, versionNames } from './releases.js';

/** Days between checks of an FAQ entry or claim unless it sets review_days. */
export const DEFAULT_ENTRY_REVIEW_DAYS = 90;
/** Days between checks of a registry entry unless it sets review_days: releases come monthly. */
export const DEFAULT_RELEASE_REVIEW_DAYS = 30;

export interface DueItem {
  file: string;
  kind: 'faq' | 'claim' | 'release';
  id: string;
  checked: string;
  /** The day the next check was due. */
  due: string;
  daysOverdue: number;
}

export interface BehindItem {
  file: string;
  kind: 'faq' | 'claim';
  id: string;
  projectId: string;
  /** The version the entry was checked against. */
  checkedAgainst: string;
  latest: string;
}

export interface StaleReport {
  today: string;
  entries: number;
  /** FAQ entries and claims past their review interval. */
  due: DueItem[];
  /** Entries whose `versions` are older than the registry's latest release. */
  behind: BehindItem[];
  /** Registry entries past their review interval. */
  registryDue: DueItem[];
  /** Prose that states a version or status the registry contradicts. */
  contradictions: Contradiction[];
  /** Problems with the report's own inputs, e.g. `versions` naming an untracked project. */
  problems: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function staleReport(knowledge: Knowledge, today: string): StaleReport {
  const releases = new Map(knowledge.releases.map((project) => [project.id, project]));
  const fileOf = (topic: string) => `knowledge/topics/${topic}.yaml`;
  const report: StaleReport = {
    today,
    entries: knowledge.faq.length + knowledge.claims.length,
    due: [],
    behind: [],
    registryDue: [],
    contradictions: findContradictions(knowledge),
    problems: [],
  };

  const dueItem = (file: string, kind: DueItem['kind'], id: string, checked: string, days: number): DueItem | undefined => {
    const due = addDays(checked, days);
    const overdue = daysBetween(due, today);
    return overdue >= 0 ? { file, kind, id, checked, due, daysOverdue: overdue } : undefined;
  };

  const entries = [
    ...knowledge.faq.map((entry) => ({ ...entry, kind: 'faq' as const })),
    ...knowledge.claims.map((claim) => ({ ...claim, kind: 'claim' as const })),
  ];
  for (const entry of entries) {
    const file = fileOf(entry.topic);
    const due = dueItem(file, entry.kind, entry.id, entry.checked, entry.review_days ?? DEFAULT_ENTRY_REVIEW_DAYS);
    if (due) report.due.push(due);
    for (const [projectId, checkedAgainst] of Object.entries(entry.versions ?? {})) {
      const project = releases.get(projectId);
      if (!project) {
        report.problems.push(`${file}: ${entry.kind} "${entry.id}" > versions: "${projectId}" is not a project in knowledge/releases.yaml`);
        continue;
      }
      // "3.15" was checked against the 3.15 line, which 3.15.1 still is.
      if (!versionNames(checkedAgainst, project.latest.version) && compareVersions(checkedAgainst, project.latest.version) < 0) {
        report.behind.push({ file, kind: entry.kind, id: entry.id, projectId, checkedAgainst, latest: project.latest.version });
      }
    }
  }

  for (const project of knowledge.releases) {
    const due = dueItem(
      'knowledge/releases.yaml',
      'release',
      project.id,
      project.checked,
      project.review_days ?? DEFAULT_RELEASE_REVIEW_DAYS,
    );
    if (due) report.registryDue.push(due);
  }
  report.due.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
  return report;
}
