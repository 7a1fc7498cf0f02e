/**
 * The gallery's copy buttons: `<button data-copy="<id of the element holding the code>">`.
 * Copies the code and says so next to the button (and to screen readers, through a live region).
 */
async function copy(button: HTMLButtonElement): Promise<void> {
	const source = document.getElementById(button.dataset.copy ?? '');
	const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
	if (!source) return;
	for (const other of document.querySelectorAll('.copy-status')) other.textContent = '';
	const text = source.textContent ?? '';
	let copied = false;
	try {
		await navigator.clipboard.writeText(text);
		copied = true;
	} catch {
		// No clipboard permission (e.g. an insecure origin): select the code so a reader can copy it.
		getSelection()?.selectAllChildren(source);
	}
	if (status) status.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C or ⌘C to copy';
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
	button.hidden = false;
	button.addEventListener('click', () => void copy(button));
}
