import type { Prioridad } from './solicitud';

export type NotificationPriorityLevel = 'low' | 'normal' | 'high' | 'critical';

const MAPPING: Readonly<Record<Prioridad, NotificationPriorityLevel>> = {
  URGENTE: 'critical',
  ALTA: 'high',
  MEDIA: 'normal',
  BAJA: 'low',
};

/** The notification priority a request's priority maps to (DOMAIN.md). */
export function notificationPriority(prioridad: Prioridad): NotificationPriorityLevel {
  return MAPPING[prioridad];
}
