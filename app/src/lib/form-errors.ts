/** What a form shows after a failed submit: a summary sentence and one message per field name. */
export type FormErrors = { message: string; fields: Record<string, string> };
