import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Where photo files live. The disk is the default (under DATA_DIR); a bucket can replace it by
 * implementing these three calls. Keys look like `<photo id>/<size>.webp`.
 */
export type PhotoStorage = {
  save(key: string, data: Buffer): Promise<void>;
  /** The file, or null when there is none. */
  read(key: string): Promise<Buffer | null>;
  /** Removes every file under a prefix (a photo's folder). */
  removeAll(prefix: string): Promise<void>;
};

export function diskPhotoStorage(root: string): PhotoStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    if (!path.startsWith(`${base}/`)) throw new Error(`photo key outside storage: ${key}`);
    return path;
  };
  return {
    async save(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    async read(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async removeAll(prefix) {
      await rm(join(base, prefix), { recursive: true, force: true });
    },
  };
}
