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

/** One frame's main-thread CPU time (ms), and the marks its tasks hold. */
export interface FrameCpu {
	cpu: number;
	/** The CPU time of its tasks but those marked 'not animated: scroll' (a measuring script's own scrolling). */
	own: number;
	marked: boolean;
	marks: string[];
	/** When its first task began and its last one ended (trace time, µs). */
	from: number;
	to: number;
}

/**
 * Returns the page's main thread CPU time (ms) per frame: every task since the previous frame's
 * commit, up to and including the task that commits this one (idle time is not CPU time), and
 * whether one of those tasks was marked with `console.timeStamp('not animated: …')` (and with which).
 */
export function cpuPerFrame(events: TraceEvent[]): FrameCpu[] {
	// The page's main thread is the one the marks were made on (the trace covers every renderer).
	const main = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('not animated'))!;
	const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
	const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X').toSorted((a, b) => a.ts - b.ts);
	const at = (name: string, match = (_e: TraceEvent) => true) =>
		onMain.filter((e) => e.name === name && match(e)).map((e) => e.ts);
	const commits = at('Commit');
	const marks = onMain.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('not animated'));
	const inside = (ts: number, task: TraceEvent) => ts >= task.ts && ts <= task.ts + (task.dur ?? 0);
	const frames: FrameCpu[] = [];
	const empty = (): FrameCpu => ({ cpu: 0, own: 0, marked: false, marks: [], from: -1, to: 0 });
	let frame = empty();
	for (const task of tasks) {
		if (frame.from < 0) frame.from = task.ts;
		frame.to = task.ts + (task.dur ?? 0);
		const held = marks.filter((mark) => inside(mark.ts, task)).map((mark) => mark.args!.data!.message!);
		frame.cpu += (task.tdur ?? 0) / 1000;
		if (!held.includes('not animated: scroll')) frame.own += (task.tdur ?? 0) / 1000;
		frame.marks.push(...held);
		frame.marked = frame.marks.length > 0;
		if (commits.some((ts) => inside(ts, task))) {
			frames.push(frame);
			frame = empty();
		}
	}
	return frames;
}
