// Hostile strings that task metadata (title, description, links, feedback…) may carry. Used by
// the sanitizer's unit test and by the Chromium e2e test, which stores them as real metadata
// documents and checks that none of them runs. Each payload, if it ran, would set
// `window.__xss` (or navigate away), which is what the e2e test looks for.

export const xssPayloads: readonly string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3"></svg>',
  '<svg><script>window.__xss=4</script></svg>',
  '[click me](javascript:window.__xss=5)',
  '[click me](JaVaScRiPt:window.__xss=6)',
  '[click me](java\tscript:window.__xss=7)',
  '<a href="javascript:window.__xss=8">link</a>',
  '<a href="&#106;avascript:window.__xss=9">entity link</a>',
  '<iframe src="javascript:window.__xss=10"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=11</script>"></iframe>',
  '<body onload="window.__xss=12">',
  '<div style="background:url(javascript:window.__xss=13)">styled</div>',
  '<style>@import "javascript:window.__xss=14";</style>',
  '<object data="javascript:window.__xss=15"></object>',
  '<embed src="javascript:window.__xss=16">',
  '<form action="javascript:window.__xss=17"><button>go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=18">',
  '<details open ontoggle="window.__xss=19">',
  '"><img src=x onerror=window.__xss=20>',
  '<a href="data:text/html,<script>window.__xss=21</script>">data link</a>',
  '![img](x" onerror="window.__xss=22)',
  '<input autofocus onfocus="window.__xss=23">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=24>">',
  '<a href="vbscript:msgbox(25)">vb</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=26">',
]

/** Link URLs a metadata document may try to smuggle into an <a href>. */
export const hostileLinkUrls: readonly string[] = [
  'javascript:window.__xss=101',
  'JAVASCRIPT:window.__xss=102',
  ' javascript:window.__xss=103',
  'data:text/html,<script>window.__xss=104</script>',
  'vbscript:msgbox(105)',
  '//evil.example/106',
]
