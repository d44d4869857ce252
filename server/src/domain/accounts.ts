import Type from 'typebox';
import { NewOrganisationSchema } from './organisations.ts';

export const passwordMinLength = 10;

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: passwordMinLength, maxLength: 200 });
const PersonName = Type.String({ minLength: 1, maxLength: 120 });

/**
 * Register, and either create a new structure (`organisation`, pending until a network admin
 * approves it) or ask to join an existing one (`joinOrganisationId`, a manager of it accepts).
 * Exactly one of the two is given; the service checks it.
 */
export const RegisterSchema = Type.Object(
  {
    email: Email,
    password: Password,
    name: PersonName,
    organisation: Type.Optional(NewOrganisationSchema),
    joinOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type RegisterInput = Type.Static<typeof RegisterSchema>;

export const LoginSchema = Type.Object(
  { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginInput = Type.Static<typeof LoginSchema>;
