// The PDF.js worker's address, as the bundler hands it out (`?url` imports).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string
  export default url
}
