// CPU time of this process's descendants (the replicas, PostgreSQL, nginx), read from /proc, so a
// benchmark can say where the machine's time went: on a busy machine latencies are noisy, but
// the CPU each part spent per request is not. Linux only; elsewhere the snapshot is empty.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessCpu {
  parent: number;
  name: string;
  seconds: number;
}

function readProcesses(): Map<number, ProcessCpu> {
  const processes = new Map<number, ProcessCpu>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return processes;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ... utime stime: comm may hold spaces, so split after its ')'.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      processes.set(Number(entry), { parent: Number(fields[1]), name, seconds });
    } catch {
      // Gone since the listing.
    }
  }
  return processes;
}

/** CPU seconds so far of each live descendant of this process, by pid, with its name. */
export function descendantsCpu(): Map<number, { name: string; seconds: number }> {
  const all = readProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, info] of all) children.set(info.parent, [...(children.get(info.parent) ?? []), pid]);
  const found = new Map<number, { name: string; seconds: number }>();
  const pending = [...(children.get(process.pid) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const info = all.get(pid)!;
    found.set(pid, { name: info.name, seconds: info.seconds });
    pending.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * CPU seconds spent between two snapshots, summed by a grouping of the processes: a process that
 * started in between counts from its start, one that ended in between is missing.
 */
export function cpuSpent(
  before: Map<number, { name: string; seconds: number }>,
  after: Map<number, { name: string; seconds: number }>,
  groupOf: (pid: number, name: string) => string | undefined,
): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [pid, now] of after) {
    const group = groupOf(pid, now.name);
    if (group === undefined) continue;
    spent[group] = (spent[group] ?? 0) + now.seconds - (before.get(pid)?.seconds ?? 0);
  }
  return spent;
}
