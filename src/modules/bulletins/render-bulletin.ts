/**
 * Renders a bulletin model to a file: HTML with inline SVG charts, or Word with PNG charts.
 */
import type { BulletinModel } from '../../domain/bulletins/bulletin-model.js';
import { chartSize, renderChartSvg, svgToPng } from './charts.js';
import { renderBulletinDocx } from './render-docx.js';
import { renderBulletinHtml } from './render-html.js';

/** Output formats of a bulletin. */
export type BulletinFormat = 'docx' | 'html';

/** The bulletin formats, for validation. */
export const BULLETIN_FORMATS: readonly BulletinFormat[] = ['docx', 'html'];

/** A rendered file. */
export interface RenderedBulletin {
  readonly content: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

const CONTENT_TYPES: Record<BulletinFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** The format named by a file name's extension, or null. */
export function formatOfFile(file: string): BulletinFormat | null {
  const m = /\.(docx|html?)$/i.exec(file);
  if (!m) return null;
  return m[1]!.toLowerCase() === 'docx' ? 'docx' : 'html';
}

/** Renders the model with its charts. */
export async function renderBulletin(
  model: BulletinModel,
  format: BulletinFormat,
): Promise<RenderedBulletin> {
  const svgs = model.charts.map((c) => renderChartSvg(c));
  const fileName = `${model.title}.${format}`;
  if (format === 'html') {
    return {
      content: Buffer.from(renderBulletinHtml(model, svgs), 'utf8'),
      contentType: CONTENT_TYPES.html,
      fileName,
    };
  }
  // Word shows the PNG at the chart's CSS size; it is rasterised at 2× for print sharpness.
  const charts = svgs.map((svg, i) => ({ png: svgToPng(svg, 2), ...chartSize(model.charts[i]!) }));
  return { content: await renderBulletinDocx(model, charts), contentType: CONTENT_TYPES.docx, fileName };
}
