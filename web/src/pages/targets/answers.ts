/**
 * The answers of the targets routes the page reads, named once (every one has its 200 schema
 * in the OpenAPI document, so these are read from schema.d.ts, never declared by hand).
 */
import type { paths } from '../../api/schema';

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : never;

/** A stored target (GET /api/targets). */
export type Target = Json<paths['/api/targets']['get']>[number];
/** One change of a target (GET /api/targets/history). */
export type TargetChange = Json<paths['/api/targets/history']['get']>[number];
/** One line of progress (GET /api/targets/progress). */
export type ProgressRow = Json<paths['/api/targets/progress']['get']>[number];
/** A decomposed plan (POST /api/targets/decompose). */
export type Decomposition = Json<paths['/api/targets/decompose']['post']>;
/** What a plan check found (POST /api/plans/check). */
export type PlanCheckReport = Json<paths['/api/plans/check']['post']>;
/** A target to set (PUT /api/targets body). */
export type TargetToSet = NonNullable<
  paths['/api/targets']['put']['requestBody']
>['content']['application/json']['targets'][number];
/** An org as GET /api/orgs/{code}/children lists it. */
export type ChildOrg = Json<paths['/api/orgs/{code}/children']['get']>[number];
