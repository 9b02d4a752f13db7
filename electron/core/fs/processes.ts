// Whether a process of this machine is still running: how stale locks and temp files are told from live ones.

/** True when a process with this pid runs (or exists but is not ours to signal). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
