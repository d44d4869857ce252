import type { FastifySchemaValidationError } from 'fastify';
import { firstAcceptedDay, lastAcceptedDay } from '../domain/calendar-days.ts';
import { type ErrorDetail, pathKey } from '../domain/errors.ts';
import { cursorShapes } from '../domain/cursor-shapes.ts';

/** The parts of a request, as a message names them when the error is about the part as a whole. */
const sources: Record<string, string> = {
  body: 'corps',
  querystring: 'paramètre',
  params: 'chemin',
  headers: 'en-tête',
};

/**
 * Turns ajv's errors into details: `path` is the dot path of the field within its part
 * (`/slots/0/endsAt` → `slots.0.endsAt`, a missing or unexpected property appended to it), or
 * `''` for the part itself (a body that is not an object). Keys keep JSON Pointer's escapes
 * (`~1` for a `/`, as ajv writes them, and `~2` for a dot: `pathKey`), so that a path is never ambiguous.
 */
export function toErrorDetails(errors: FastifySchemaValidationError[], context?: string): ErrorDetail[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const named = [params.missingProperty, params.additionalProperty].find((key) => typeof key === 'string');
    // ajv's instancePath already writes `~0` and `~1`; a dot inside a key is escaped here.
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('.', '~2'));
    if (named !== undefined) segments.push(pathKey(named));
    const path = segments.join('.');
    const name = path || (context ? (sources[context] ?? context) : 'requête');
    return { path, code: error.keyword, message: frenchMessage(error.keyword, params, name) };
  });
}

function frenchMessage(keyword: string, params: Record<string, unknown>, field: string): string {
  const name = `« ${field} »`;
  switch (keyword) {
    case 'required':
      return `Le champ ${name} est obligatoire.`;
    case 'additionalProperties':
      return `Le champ ${name} n'est pas attendu.`;
    case 'type':
      return `Le champ ${name} doit être de type ${String(params.type)}.`;
    case 'minLength':
      return `Le champ ${name} doit contenir au moins ${String(params.limit)} caractères.`;
    case 'maxLength':
      return `Le champ ${name} doit contenir au plus ${String(params.limit)} caractères.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `Le champ ${name} est trop petit (minimum ${String(params.limit)}).`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `Le champ ${name} est trop grand (maximum ${String(params.limit)}).`;
    case 'format':
      return formatMessage(String(params.format), name);
    case 'multipleOf':
      return params.multipleOf === 0.01
        ? `Le champ ${name} est un montant au centime près (deux décimales au plus).`
        : `Le champ ${name} doit être un multiple de ${String(params.multipleOf)}.`;
    case 'pattern':
      return `Le champ ${name} n'a pas le bon format.`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return `La valeur du champ ${name} n'est pas autorisée.`;
    case 'characters':
      return `Le champ ${name} contient un caractère nul (U+0000), qui n'est pas accepté.`;
    case 'minProperties':
      return 'Indiquez au moins un champ à modifier.';
    default:
      return `Le champ ${name} est invalide.`;
  }
}

const firstYear = firstAcceptedDay.slice(0, 4);
const lastYear = lastAcceptedDay.slice(0, 4);

function formatMessage(format: string, name: string): string {
  if (format === 'date')
    return `Le champ ${name} doit être un jour qui existe (AAAA-MM-JJ), entre ${firstYear} et ${lastYear}.`;
  if (format === 'date-time')
    return `Le champ ${name} doit être un instant ISO 8601 (AAAA-MM-JJTHH:MM:SSZ), entre ${firstYear} et ${lastYear}.`;
  if (format in cursorShapes)
    return `Le curseur de pagination ${name} est invalide : reprenez la liste depuis sa première page.`;
  return `Le champ ${name} n'a pas le bon format (${format}).`;
}

export function describeValidationError(details: ErrorDetail[]): string {
  const first = details[0];
  if (!first) return 'Requête invalide.';
  return details.length === 1
    ? `Requête invalide : ${lowerFirst(first.message)}`
    : `Requête invalide : ${lowerFirst(first.message)} (et ${details.length - 1} autre(s) erreur(s))`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
