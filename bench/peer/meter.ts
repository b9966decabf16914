/**
 * Samples processes from /proc every 250 ms: resident memory (VmRSS) and CPU time (utime + stime).
 * `mark()` starts a measurement window; `read(name)` gives that window's peak RSS and CPU ms.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime
  } catch {
    return null;
  }
}

export class ProcessMeter {
  private timer: NodeJS.Timeout | null = null;
  private windowPeak = new Map<string, number>();
  private overall = new Map<string, number>();
  private cpuAtMark = new Map<string, number>();

  constructor(private readonly pids: Record<string, number>) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Starts a new measurement window. */
  mark(): void {
    this.windowPeak.clear();
    this.sample();
    for (const [name, pid] of Object.entries(this.pids)) this.cpuAtMark.set(name, cpuMs(pid) ?? 0);
  }

  /** CPU milliseconds `name` used since the last mark. */
  cpuMs(name: string): number {
    return (cpuMs(this.pids[name]) ?? 0) - (this.cpuAtMark.get(name) ?? 0);
  }

  /** Peak RSS and CPU of `name` in the window since the last mark. */
  read(name: string): { peakRssMb: number; cpuMs: number } {
    this.sample();
    return { peakRssMb: this.windowPeak.get(name) ?? 0, cpuMs: this.cpuMs(name) };
  }

  overallPeakMb(name: string): number {
    return this.overall.get(name) ?? 0;
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const mb = rssMb(pid);
      if (mb == null) continue;
      this.windowPeak.set(name, Math.max(this.windowPeak.get(name) ?? 0, mb));
      this.overall.set(name, Math.max(this.overall.get(name) ?? 0, mb));
    }
  }
}
