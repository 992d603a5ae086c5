/** Makes an element accept dropped files: marks it while dragging, hands the files over. */
export function acceptDrops(zone: HTMLElement, onFiles: (files: FileList) => void): void {
	zone.addEventListener('dragover', (e) => {
		e.preventDefault();
		zone.dataset['over'] = '';
	});
	zone.addEventListener('dragleave', () => delete zone.dataset['over']);
	zone.addEventListener('drop', (e) => {
		e.preventDefault();
		delete zone.dataset['over'];
		const files = e.dataTransfer?.files;
		if (files?.length) onFiles(files);
	});
}
