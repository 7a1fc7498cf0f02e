/**
 * "Link to this step": the link is the step's share address (/s/<step-id>/, whose social card shows
 * the step's chart). A click copies that address and says so; where the clipboard is refused, the
 * link is followed, and the share page brings the reader back to the step.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a.step-link[data-share]')) {
	link.addEventListener('click', (event) => {
		if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || !navigator.clipboard) return;
		event.preventDefault();
		navigator.clipboard.writeText(link.href).then(
			() => {
				const label = link.textContent;
				link.dataset.copied = '';
				link.textContent = 'Link copied';
				setTimeout(() => {
					link.textContent = label;
					delete link.dataset.copied;
				}, 2000);
			},
			() => location.assign(link.href),
		);
	});
}
