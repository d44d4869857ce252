import Type from 'typebox';
import { NewOrganisationSchema } from './organisations.ts';

export const passwordMinLength = 10;

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: passwordMinLength, maxLength: 200 });
const PersonName = Type.String({ minLength: 1, maxLength: 120 });

/**
 * Register, and either create a new structure (`organisation`, pending until a network admin
 * approves it), ask to join an existing one (`joinOrganisationId`, a manager of it accepts), or
 * follow an invitation (`invitationToken`, the link of the email: joins at once). Exactly one of
 * the three is given; the service checks it. A new structure accepts the charter of each network
 * it joins (`networks`).
 */
export const RegisterSchema = Type.Object(
  {
    email: Email,
    password: Password,
    name: PersonName,
    organisation: Type.Optional(NewOrganisationSchema),
    joinOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
    invitationToken: Type.Optional(Type.String({ minLength: 10, maxLength: 400 })),
    /**
     * With a new structure: the networks it joins (one or several), each with the version of its
     * charter the structure accepts. A network with a charter is joined only by accepting its
     * current version. Without it, the structure joins `organisation.networkId` (or the default
     * network), which must then have no charter to accept.
     */
    networks: Type.Optional(
      Type.Array(
        Type.Object(
          {
            networkId: Type.String({ format: 'uuid' }),
            charterVersion: Type.Optional(
              Type.Integer({ minimum: 1, description: 'La version de la charte acceptée (celle en vigueur)' }),
            ),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
    /** The language of the app at sign-up: the emails follow it (changeable later). */
    locale: Type.Optional(Type.Enum(['fr', 'en'])),
  },
  { additionalProperties: false },
);
export type RegisterInput = Type.Static<typeof RegisterSchema>;

export const LoginSchema = Type.Object(
  { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginInput = Type.Static<typeof LoginSchema>;

export const MePatchSchema = Type.Object(
  { name: Type.Optional(PersonName), locale: Type.Optional(Type.Enum(['fr', 'en'])) },
  { additionalProperties: false, minProperties: 1 },
);
export type MePatch = Type.Static<typeof MePatchSchema>;

export const EmailChangeSchema = Type.Object(
  { email: Email, password: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
export const PasswordResetRequestSchema = Type.Object(
  { email: Type.String({ maxLength: 254 }) },
  { additionalProperties: false },
);
const LinkToken = Type.String({ minLength: 10, maxLength: 400, description: 'Le jeton d’un lien envoyé par e-mail' });
export const LinkTokenSchema = Type.Object({ token: LinkToken }, { additionalProperties: false });
/** The same token in a path: `/…/:token`. */
export const LinkTokenParamsSchema = LinkTokenSchema;
export const PasswordResetSchema = Type.Object(
  { token: LinkToken, password: Password },
  { additionalProperties: false },
);
