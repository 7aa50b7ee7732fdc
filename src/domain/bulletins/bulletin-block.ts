/**
 * The blocks a bulletin's body is made of. Both halves of the body (一、工作进度和存在问题 in
 * progress-section.ts, 二、下一步工作要求 in requirements.ts) write them; the model
 * (bulletin-model.ts) assembles them and the renderers lay them out.
 */

/** One block of the body: a heading, or a paragraph with an optional bold lead. */
export type BulletinBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly lead?: string; readonly text: string };
