import Type from 'typebox';

/** A photo of an item or a service offer, as presentPhoto (present.ts) shows it. */
export const PhotoSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  urls: Type.Object({ small: Type.String(), medium: Type.String(), large: Type.String() }),
});
