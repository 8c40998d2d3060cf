/** Timing of the probe, in seconds as busybox `sleep` takes them. */
export interface ProbeTiming {
  /** Pause between two samples of PID 1 while waiting for it to settle. */
  sampleIntervalSeconds: number;
  /** Unchanged samples in a row (comm and signal masks of PID 1) that count as settled. */
  settledSamples: number;
  /** Samples after which the probe goes on even if PID 1 keeps changing. */
  maxSamples: number;
  /**
   * Minimum age of PID 1 before it counts as settled, in clock ticks of 10 ms (Linux's USER_HZ is
   * 100), so that an app still importing modules has time to install its signal handlers.
   */
  minPid1AgeTicks: number;
  /** Lifetime of the orphan the probe leaves behind. */
  orphanLifetimeSeconds: number;
  /** How long a dead orphan may stay a zombie before PID 1 counts as not reaping. */
  reapWindowSeconds: number;
  /** Processes listed per snapshot at most. */
  maxProcesses: number;
}

export const defaultProbeTiming: ProbeTiming = {
  sampleIntervalSeconds: 0.05,
  settledSamples: 3,
  maxSamples: 100,
  minPid1AgeTicks: 30,
  orphanLifetimeSeconds: 0.1,
  reapWindowSeconds: 0.5,
  maxProcesses: 300,
};

/**
 * Returns the probe's busybox sh script. It runs in a container that shares the target's PID namespace,
 * so its /proc lists the target's processes. Output is one record a line, tab-separated:
 *   self PID | settled STABLE SAMPLES | status SIGCGT SIGBLK SIGIGN | snapshot LABEL | end LABEL
 *   proc PID STAT-LINE CMDLINE (NULs as \x01) | truncated | orphan PID | orphan-state UPTIME STATE PPID
 *   done | watch SIGCGT SIGBLK SIGIGN (after done, whenever PID 1's masks change)
 * The orphan is a `sleep` whose parent subshell exits at once, so the kernel re-parents it to the
 * namespace's PID 1; whether its zombie then disappears tells whether PID 1 reaps.
 */
export function probeScript(timing: ProbeTiming): string {
  const orphanPolls = Math.ceil((timing.orphanLifetimeSeconds + timing.reapWindowSeconds) / 0.05);
  return `
T=$(printf '\\t')
NL='
'
echo "self$T$$"
sample() {
  key=""
  read -r key < /proc/1/comm 2>/dev/null
  while read -r name value; do
    case "$name" in SigCgt:|SigBlk:|SigIgn:) key="$key,$value" ;; esac
  done < /proc/1/status
}
status() {
  cgt=""; blk=""; ign=""
  while read -r name value; do
    case "$name" in SigCgt:) cgt=$value ;; SigBlk:) blk=$value ;; SigIgn:) ign=$value ;; esac
  done < /proc/1/status
  echo "status$T$cgt$T$blk$T$ign"
}
snapshot() {
  echo "snapshot$T$1"
  n=0
  for d in /proc/[0-9]*; do
    p=\${d#/proc/}
    [ "$p" = "$$" ] && continue
    n=$((n + 1))
    if [ "$n" -gt ${timing.maxProcesses} ]; then echo "truncated"; break; fi
    s=""
    # -d '' reads the whole file: a comm may contain a newline, which becomes a space here.
    read -r -d '' s < "$d/stat" 2>/dev/null
    [ -n "$s" ] || continue
    s=\${s//$NL/ }
    s=\${s//$T/ }
    c=$(head -c 1024 "$d/cmdline" 2>/dev/null | tr '\\000\\n\\t\\r' '\\001   ')
    echo "proc$T$p$T$s$T$c"
  done
  echo "end$T$1"
}
last=""; stable=0; samples=0
while :; do
  sample
  samples=$((samples + 1))
  if [ "$key" = "$last" ]; then stable=$((stable + 1)); else stable=0; last=$key; fi
  if [ "$stable" -ge ${timing.settledSamples} ]; then
    read -r stat1 < /proc/1/stat
    set -- \${stat1##*) }
    read -r up idle < /proc/uptime
    now=\${up%.*}\${up#*.}
    [ $((now - \${20})) -ge ${timing.minPid1AgeTicks} ] && break
  fi
  [ "$samples" -ge ${timing.maxSamples} ] && break
  sleep ${timing.sampleIntervalSeconds}
done
echo "settled$T$stable$T$samples"
status
snapshot before
orphan=$( (sleep ${timing.orphanLifetimeSeconds} </dev/null >/dev/null 2>&1 & echo $!) )
echo "orphan$T$orphan"
previous=""; polls=0
while [ "$polls" -le ${orphanPolls} ]; do
  read -r up idle < /proc/uptime
  state="gone"; ppid="-"
  if read -r s < "/proc/$orphan/stat" 2>/dev/null; then
    rest=\${s##*) }
    set -- $rest
    state=$1; ppid=$2
  fi
  if [ "$state$ppid" != "$previous" ]; then echo "orphan-state$T$up$T$state$T$ppid"; previous="$state$ppid"; fi
  [ "$state" = "gone" ] && break
  polls=$((polls + 1))
  sleep 0.05
done
status
snapshot after
echo "done"
# Keep reporting PID 1's masks while the stop probe runs, so its decision uses fresh ones.
last=""
while :; do
  cgt=""; blk=""; ign=""
  while read -r name value; do
    case "$name" in SigCgt:) cgt=$value ;; SigBlk:) blk=$value ;; SigIgn:) ign=$value ;; esac
  done < /proc/1/status
  if [ "$cgt$blk$ign" != "$last" ]; then echo "watch$T$cgt$T$blk$T$ign"; last="$cgt$blk$ign"; fi
  sleep 0.05
done
`;
}
