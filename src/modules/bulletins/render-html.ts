/**
 * The bulletin as one self-contained HTML page, printable from a browser: A4 pages with
 * the margins and type of a government document (GB/T 9704: title in 小标宋, body in 仿宋,
 * 一、 in 黑体, （一） in 楷体), the annex on landscape pages, charts inline as SVG.
 */
import type { Annex } from '../../domain/bulletins/annex.js';
import type { BulletinModel } from '../../domain/bulletins/bulletin-model.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
@page annex { size: A4 landscape; margin: 20mm 18mm; }
:root { color: #000; }
body { margin: 0; font-family: FangSong, STFangsong, "仿宋", "仿宋_GB2312", "Noto Serif SC", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; }
.doc-number { text-align: center; margin: 0 0 14pt; }
h1.title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", STSong, SimSun, "Noto Serif SC", serif; font-size: 22pt; line-height: 33pt; font-weight: normal; text-align: center; margin: 28pt 0; }
p { margin: 0; text-indent: 2em; text-align: left; }
p.addressee { text-indent: 0; }
h2.level-1 { font-family: SimHei, "黑体", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h3.level-2 { font-family: KaiTi, STKaiti, "楷体", "楷体_GB2312", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p .lead { font-weight: bold; }
.annex-note { margin-top: 28pt; }
.annex-note + .annex-note { margin-top: 0; padding-left: 5em; text-indent: 0; }
.issuer { margin-top: 42pt; text-align: right; text-indent: 0; padding-right: 4em; }
.date { text-align: right; text-indent: 0; padding-right: 4em; }
section.annex { page: annex; break-before: page; }
td:first-child, th:first-child { white-space: nowrap; }
section.charts { break-before: page; }
section.charts h2 { font-family: SimHei, "黑体", "Noto Sans SC", sans-serif; font-size: 16pt; font-weight: normal; }
section.charts h3 { text-align: center; font-size: 14pt; font-weight: normal; margin: 8pt 0; }
section.annex h2 { font-family: SimHei, "黑体", "Noto Sans SC", sans-serif; font-size: 16pt; font-weight: normal; }
section.annex h3 { text-align: center; font-size: 14pt; font-weight: normal; margin: 8pt 0; }
table { border-collapse: collapse; width: 100%; font-family: "Noto Sans SC", SimSun, sans-serif; font-size: 10.5pt; line-height: 1.4; margin-bottom: 12pt; break-inside: auto; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
.closing { margin-top: 28pt; font-size: 14pt; break-inside: avoid; }
.closing p { text-indent: 0; margin: 0; padding: 2pt 1em; border-top: 1px solid #000; }
.closing p:last-child { border-bottom: 1px solid #000; }
.closing .printed { display: flex; justify-content: space-between; }
.table-note { font-size: 10.5pt; text-indent: 0; margin: 6pt 0 0; }
thead { display: table-header-group; }
figure.chart { margin: 8pt 0 16pt; break-inside: avoid; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
@media screen { body { padding: 24px; } main.bulletin, section.charts { max-width: 156mm; margin: 0 auto; } section.annex { max-width: 260mm; margin: 0 auto; } }
`;

function annexTables(annex: Annex): string {
  return annex.groups
    .map((group) => {
      const head = `<tr><th>单位</th>${group.columns.map((c) => `<th>${escapeHtml(c.name)}</th>`).join('')}</tr>`;
      const body = annex.rows
        .map((row) => {
          const cells = group.columns
            .map((c) => `<td class="num">${escapeHtml(row.cells[c.indicator]?.text ?? '—')}</td>`)
            .join('');
          return `<tr${row.isTotal ? ' class="total"' : ''}><td>${escapeHtml(row.name)}</td>${cells}</tr>`;
        })
        .join('\n');
      return `<h3>${escapeHtml(group.title)}</h3>\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
    })
    .join('\n');
}

/**
 * Renders the bulletin to HTML. `chartSvgs` are the rendered charts in the order of
 * `model.charts` (rendering is the caller's, so tests can pass none).
 */
export function renderBulletinHtml(model: BulletinModel, chartSvgs: readonly string[] = []): string {
  const body = model.blocks
    .map((b) => {
      if (b.kind === 'heading')
        return b.level === 1
          ? `<h2 class="level-1">${escapeHtml(b.text)}</h2>`
          : `<h3 class="level-2">${escapeHtml(b.text)}</h3>`;
      const lead = b.lead ? `<span class="lead">${escapeHtml(b.lead)}</span>` : '';
      return `<p>${lead}${escapeHtml(b.text)}</p>`;
    })
    .join('\n');
  const charts = chartSvgs.length
    ? `<section class="charts">\n<h2>附件2</h2>\n<h3>${escapeHtml(model.chartsTitle)}</h3>\n${chartSvgs
        .map(
          (svg, i) =>
            `<figure class="chart" aria-label="${escapeHtml(model.charts[i]?.title ?? '')}">${svg}</figure>`,
        )
        .join('\n')}\n</section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="bulletin">
${model.docNumber ? `<p class="doc-number">${escapeHtml(model.docNumber)}</p>\n` : ''}<h1 class="title">${model.titleLines.map(escapeHtml).join('<br>')}</h1>
<p class="addressee">${escapeHtml(model.addressee)}</p>
<p>${escapeHtml(model.intro)}</p>
${body}
${model.annexNote.map((line) => `<p class="annex-note">${escapeHtml(line)}</p>`).join('\n')}
<p class="issuer">${escapeHtml(model.issuer)}</p>
<p class="date">${escapeHtml(model.dateText)}</p>
</main>
<section class="annex">
<h2>附件${chartSvgs.length ? '1' : ''}</h2>
<h3>${escapeHtml(model.annex.title)}</h3>
${annexTables(model.annex)}
${model.annex.notes.map((note) => `<p class="table-note">${escapeHtml(note)}</p>`).join('\n')}
</section>
${charts}
<footer class="closing">
${model.closing.copyTo === null ? '' : `<p>抄送：${escapeHtml(model.closing.copyTo)}。</p>\n`}<p class="printed"><span>${escapeHtml(model.closing.printedBy)}</span><span>${escapeHtml(model.closing.printedOn)}</span></p>
</footer>
</body>
</html>
`;
}
