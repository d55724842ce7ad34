import fs from 'node:fs'
import path from 'node:path'

// Markdown images in a lesson (`![alt](./images/x.svg)`) are files in the course folder. They
// are inlined as data: URIs at compile time, so a lesson bundle is self-contained and no route
// has to serve files out of courses/. The checker keeps them small and inside the course.

export const IMAGE_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}
export const MAX_IMAGE_BYTES = 256 * 1024

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] }

/** Resolves an image reference against the lesson folder; null if it leaves the course folder or is not an image. */
export function resolveCourseImage(src: string, baseDir: string, courseDir: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return null
  const file = path.resolve(baseDir, decodeURIComponent(src.split(/[?#]/)[0]!))
  if (!file.startsWith(courseDir + path.sep)) return null
  if (!IMAGE_TYPES[path.extname(file).toLowerCase()]) return null
  return file
}

export function rehypeInlineImages(options: { baseDir: string; courseDir: string }) {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      if (node.type === 'element' && node.tagName === 'img' && typeof node.properties?.src === 'string') {
        const file = resolveCourseImage(node.properties.src, options.baseDir, options.courseDir)
        if (file && fs.existsSync(file) && fs.statSync(file).size <= MAX_IMAGE_BYTES) {
          const type = IMAGE_TYPES[path.extname(file).toLowerCase()]!
          node.properties.src = `data:${type};base64,${fs.readFileSync(file).toString('base64')}`
        }
      }
      node.children?.forEach(visit)
    }
    visit(tree)
  }
}
