/** The fields of a Chromium trace event that the frame accounting reads. */
export interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string; data?: { message?: string } };
}

/**
 * Returns the page's main thread CPU time (ms) per frame: every task since the previous frame's
 * commit, up to and including the task that commits this one (idle time is not CPU time), and
 * whether one of those tasks was marked with `console.timeStamp('not animated: …')`.
 */
export function cpuPerFrame(events: TraceEvent[]): { cpu: number; marked: boolean }[] {
	// The page's main thread is the one the marks were made on (the trace covers every renderer).
	const main = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('not animated'))!;
	const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
	const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X').toSorted((a, b) => a.ts - b.ts);
	const at = (name: string, match = (_e: TraceEvent) => true) =>
		onMain.filter((e) => e.name === name && match(e)).map((e) => e.ts);
	const commits = at('Commit');
	const marks = at('TimeStamp', (e) => e.args?.data?.message?.startsWith('not animated') ?? false);
	const within = (times: number[], task: TraceEvent) =>
		times.some((ts) => ts >= task.ts && ts <= task.ts + (task.dur ?? 0));
	const frames: { cpu: number; marked: boolean }[] = [];
	let frame = { cpu: 0, marked: false };
	for (const task of tasks) {
		frame.cpu += (task.tdur ?? 0) / 1000;
		frame.marked ||= within(marks, task);
		if (within(commits, task)) {
			frames.push(frame);
			frame = { cpu: 0, marked: false };
		}
	}
	return frames;
}
