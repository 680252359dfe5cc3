import { z } from 'zod';

/**
 * The notification message published on topic arka-notificaciones (DOMAIN.md).
 * Producers build it with `notificationMessage()`; the notifications function
 * validates what it receives with its own stricter checks per type.
 */
export const NOTIFICATION_TYPES = ['email', 'sms', 'push'] as const;
export const NOTIFICATION_PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;

export const notificationMessageSchema = z.object({
  id: z.string().min(1),
  type: z.enum(NOTIFICATION_TYPES),
  recipient: z.string().min(1),
  subject: z.string().optional(),
  message: z.string().min(1),
  priority: z.enum(NOTIFICATION_PRIORITIES),
  service: z.string().min(1),
  occurredAt: z.string().min(1),
});

export type NotificationMessage = z.infer<typeof notificationMessageSchema>;
export type NotificationType = NotificationMessage['type'];
export type NotificationPriority = NotificationMessage['priority'];

/** SNS message attributes every notification carries; the topic's filter policies read them. */
export function notificationAttributes(message: NotificationMessage): Record<string, string> {
  return { priority: message.priority, type: message.type, service: message.service };
}
