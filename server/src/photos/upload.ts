import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fieldError } from '../domain/errors.ts';

/** A photo as it was sent: its bytes in a temporary file, and its text alternative. */
export type Upload = { path: string; alt: string };

/**
 * Reads the multipart form of an upload and hands it to `use`, then removes its file. The photo
 * goes to a temporary file rather than memory: uploads waiting for their turn to be resized then
 * hold a file each, not 10 MB of the server's memory.
 */
export async function withUpload<T>(request: FastifyRequest, use: (upload: Upload) => Promise<T>): Promise<T> {
  if (!request.isMultipart()) {
    throw fieldError('photo', 'Envoyez la photo en multipart/form-data, dans le champ « photo ».', 'required');
  }
  const folder = await mkdtemp(join(tmpdir(), 'mutua-upload-'));
  try {
    return await use(await readForm(request, join(folder, 'photo')));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function readForm(request: FastifyRequest, path: string): Promise<Upload> {
  let received = false;
  let alt = '';
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photo' || received) {
        part.file.resume();
        throw fieldError(
          part.fieldname,
          `Champ de fichier inattendu : « ${part.fieldname} » (une seule photo, dans « photo »).`,
          'additionalProperties',
        );
      }
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
      received = true;
    } else if (part.fieldname === 'alt') {
      alt = String(part.value);
    } else {
      throw fieldError(part.fieldname, `Champ inattendu : « ${part.fieldname} ».`, 'additionalProperties');
    }
  }
  if (!received || (await stat(path)).size === 0) {
    throw fieldError('photo', 'La photo est obligatoire (champ « photo »).', 'required');
  }
  return { path, alt };
}
