/**
 * Saves data as a file: a Blob behind an object URL, clicked through a temporary
 * `<a download>`. The URL is released a moment later (revoking at once can cancel the save in
 * some browsers). In scene/, the lowest floor that saves a file (the 3D view's PNG); the export
 * card and the charts use it too.
 */
export function download(data: Blob | Uint8Array | string, name: string, type: string): void {
  const blob =
    data instanceof Blob ? data : new Blob([data as BlobPart], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text to the clipboard; false where the browser refuses (the caller shows the text). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
