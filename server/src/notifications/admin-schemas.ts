import Type from 'typebox';
import { emailStatuses } from '../domain/notifications.ts';
import { Nullable } from '../domain/nullable.ts';

export const EmailStatusSchema = Type.Enum([...emailStatuses]);

/** One email of the admins' mailbox, as the list shows it. */
export const AdminEmailSummarySchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'Un type de notification, ou `digest`' }),
  to: Type.String(),
  locale: Type.Enum(['fr', 'en']),
  status: EmailStatusSchema,
  subject: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  undeliverable: Type.Boolean({ description: 'Le serveur de courrier a refusé cette adresse' }),
});

export const AdminEmailListSchema = Type.Object({
  emails: Type.Array(AdminEmailSummarySchema),
  counts: Type.Record(Type.String(), Type.Integer()),
  nextCursor: Nullable(Type.String()),
});

/** One email as it was sent: its text, HTML and calendar part. */
export const AdminEmailSchema = Type.Object({
  ...AdminEmailSummarySchema.properties,
  text: Nullable(Type.String()),
  html: Nullable(Type.String()),
  calendar: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
});

const RenderedEmailSchema = Type.Object({ subject: Type.String(), text: Type.String(), html: Type.String() });

export const EmailTemplateListSchema = Type.Object({
  templates: Type.Array(Type.Object({ kind: Type.String(), fr: RenderedEmailSchema, en: RenderedEmailSchema })),
});
