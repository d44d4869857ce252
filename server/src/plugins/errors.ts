import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseError } from '../db/errors.ts';
import { AppError, type ErrorBody, type ErrorCode, type ErrorDetail, errorStatuses } from '../domain/errors.ts';
import { describeValidationError, toErrorDetails } from './validation-messages.ts';

/** One error handler: the same JSON shape everywhere, 5xx details logged and never shown. */
export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler(answerError);

  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) }, (request, reply) => {
    reply.status(404).send({ error: 'not_found', message: `Aucune ressource ici : ${request.method} ${request.url}.` });
  });
});

function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toErrorBody(error);
  const status = error instanceof AppError ? error.statusCode : statusOf(error, body.error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).send(body);
}

/**
 * The errors the router raises before any route (and so any error handler) is chosen: a path
 * parameter over `maxParamLength`, a malformed %-escape. Passed to Fastify as `frameworkErrors`,
 * so they get the same shape as the rest instead of Fastify's English one.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  void answerError(error, request, reply);
}

/** A 400 about a whole part of the request (path `''`: no one field), in the shape schema validation answers with. */
function invalidRequest(code: string, message: string): ErrorBody {
  const details: ErrorDetail[] = [{ path: '', code, message }];
  return { error: 'validation_failed', message: describeValidationError(details), details };
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (error instanceof AppError) {
    return error.details === undefined
      ? { error: error.code, message: error.message }
      : { error: error.code, message: error.message, details: error.details };
  }
  if (error.validation) {
    const details = toErrorDetails(error.validation, error.validationContext);
    return { error: 'validation_failed', message: describeValidationError(details), details };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: 'unsupported_media_type', message: 'Type de contenu non pris en charge : envoyez du JSON.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: 'invalid_json', message: 'Le corps de la requête est vide alors que du JSON est attendu.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { error: 'payload_too_large', message: 'Le corps de la requête est trop volumineux.' };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { error: 'payload_too_large', message: 'Le fichier est trop volumineux (10 Mo au plus).' };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { error: 'payload_too_large', message: 'Trop de fichiers ou de champs : une seule photo à la fois.' };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { error: 'unsupported_media_type', message: 'Envoyez le fichier en multipart/form-data.' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return invalidRequest('maxLength', 'Un paramètre du chemin est trop long.');
    case 'FST_ERR_BAD_URL':
      return invalidRequest('format', 'Le chemin contient un encodage « % » invalide.');
  }
  // The request guard (plugins/validation.ts) refuses NUL in params, query and JSON or text
  // bodies; this catches what reaches the database by another way (a multipart text field).
  if (databaseError(error)?.code === characterNotInRepertoire) {
    return invalidRequest(
      'characters',
      'La requête contient un caractère nul (U+0000) ou invalide, qui n’est pas accepté.',
    );
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { error: 'invalid_json', message: "Le corps de la requête n'est pas un JSON valide." };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return { error: 'rate_limited', message: 'Trop de tentatives : réessayez dans une minute.' };
  if (status >= 400 && status < 500) return { error: 'bad_request', message: error.message };
  return { error: 'internal_error', message: 'Une erreur inattendue est survenue. Réessayez plus tard.' };
}

/** SQLSTATE 22021: text PostgreSQL cannot store (U+0000, or bytes that are not UTF-8). */
const characterNotInRepertoire = '22021';

function statusOf(error: FastifyError, code: string): number {
  if (code in errorStatuses) return errorStatuses[code as ErrorCode];
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}
