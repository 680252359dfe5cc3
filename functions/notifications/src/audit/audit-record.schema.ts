import { NOTIFICATION_PRIORITIES, NOTIFICATION_TYPES } from '@arka/messaging';
import { z } from 'zod';
import type { AuditRecord } from './audit-store';

/** Validates an audit item read back from the table (STYLE.md, principle 7). */
export const auditRecordSchema = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  recipient: z.string(),
  subject: z.string().nullable(),
  priority: z.enum(NOTIFICATION_PRIORITIES),
  service: z.string(),
  status: z.enum(['IN_PROGRESS', 'SENT', 'FAILED']),
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  environment: z.string(),
  providerMessageId: z.string().nullable(),
  lastError: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  criticalAlert: z.enum(['PENDING', 'PUBLISHED']).nullable(),
  criticalAlertMessageId: z.string().nullable(),
  expiresAt: z.number().int(),
}) satisfies z.ZodType<AuditRecord>;
