// The system's file picker, opened from a command (palette, menu, button) rather than from a file input on the page.
/** Opens the picker for files matching `accept` and hands the chosen file to `then` (nothing when the picker is cancelled). */
export function pickFile(accept: string, then: (file: File) => void): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = accept
  input.addEventListener('change', () => {
    const f = input.files?.[0]
    if (f) then(f)
  })
  input.click()
}
