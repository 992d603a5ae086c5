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

/** A dropped file with the path it had inside a dropped folder. */
export interface DroppedFile {
	file: File;
	name: string;
}

/**
 * The files of a drop, walking into dropped folders (webkitGetAsEntry): each file comes
 * with its path, as the folder picker gives it. Without folder support, the plain files.
 */
export async function filesFromDrop(data: DataTransfer): Promise<DroppedFile[]> {
	const entries = Array.from(data.items ?? [])
		.map((item) => item.webkitGetAsEntry?.())
		.filter((e): e is FileSystemEntry => Boolean(e));
	if (!entries.length) return Array.from(data.files, (file) => ({ file, name: file.name }));
	const out: DroppedFile[] = [];
	const walk = async (entry: FileSystemEntry): Promise<void> => {
		if (entry.isFile) {
			const file = await new Promise<File>((resolve, reject) =>
				(entry as FileSystemFileEntry).file(resolve, reject),
			);
			out.push({ file, name: entry.fullPath.replace(/^\//, '') });
			return;
		}
		const reader = (entry as FileSystemDirectoryEntry).createReader();
		// readEntries gives at most 100 entries a call: read until it gives none.
		for (;;) {
			const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
				reader.readEntries(resolve, reject),
			);
			if (!batch.length) break;
			for (const child of batch) await walk(child);
		}
	};
	for (const e of entries) await walk(e);
	return out;
}
