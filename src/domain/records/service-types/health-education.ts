import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';

/** A health-education activity (健康教育活动). */
export const healthEducationPayload = z.object({
  activityKind: z.enum(['lecture', 'consultation', 'board', 'materials']),
  participants: z.number().int().min(0).max(100_000).default(0),
  topic: z.string().max(200).nullable().default(null),
});

/** 健康教育活动: a lecture, consultation, bulletin board or materials, held by an org for no one person. */
export const healthEducation = defineServiceType({
  id: 'health_education',
  name: { zh: '健康教育活动', en: 'Health-education activity' },
  labels: ['健康教育', '健康教育活动'],
  program: null,
  subject: 'activity',
  payload: healthEducationPayload,
  columns: [
    payloadColumn({
      field: 'activityKind',
      header: '活动形式',
      aliases: ['活动类型'],
      type: 'activityKind',
      description: { zh: '讲座/咨询/宣传栏/资料', en: 'lecture/consultation/board/materials' },
      example: '讲座',
    }),
    payloadColumn({
      field: 'participants',
      header: '参与人数',
      aliases: ['参加人数'],
      type: 'integer',
      description: { zh: '人数', en: 'participants' },
      example: '45',
    }),
    payloadColumn({
      field: 'topic',
      header: '活动主题',
      aliases: ['主题'],
      type: 'text',
      description: { zh: '主题', en: 'topic' },
      example: '高血压防治',
    }),
  ],
  keyDetail: (payload) => [payload.activityKind],
});
