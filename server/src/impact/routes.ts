import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { errorResponses, fieldError } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { impactCsv } from './report-csv.ts';
import {
  FactorChangeSchema,
  ImpactFactorSchema,
  ImpactMethodQuerySchema,
  ImpactMethodSchema,
  ImpactQuerySchema,
  ImpactReportSchema,
  MethodChangeSchema,
} from './schemas.ts';
import { changeSubstitutionRate, getImpactMethod, getImpactReport, saveImpactFactor } from './service.ts';

const tags = ['admin'];

const whatCounts = [
  'Ce qui est compté, pour un réseau et une période (jours de Paris, inclus ; par défaut le trimestre en cours) :',
  'les prêts d’objets remis (retirés, rendus ou clos) et les services rendus (réalisés ou clos) dont le premier jour',
  'tombe dans la période et dont la structure prêteuse appartient au réseau, y compris ceux d’annonces archivées',
  'ou de structures suspendues. Territoire : celui de l’objet (du service), sinon celui de la structure prêteuse.',
  'Jours d’utilisation : Σ unités × jours du prêt. Premier échange : aucun échange remis plus tôt entre les deux',
  'structures, dans un sens ou dans l’autre. Achats évités : Σ unités × valeur de remplacement × taux de',
  'substitution du réseau (en centimes). Émissions évitées : Σ unités × facteur de la catégorie (sinon de sa',
  'famille) × taux, arrondies à 0,1 kg CO₂e à la fin ; les catégories sans facteur sont listées dans withoutFactor',
  'et leurs unités comptées dans unitsWithoutFactor, jamais comme zéro. Avec format=csv et table=… : un fichier',
  'CSV pour Excel en français (UTF-8 avec BOM, « ; », CRLF, virgule décimale, formules neutralisées).',
].join(' ');

/** The impact and reciprocity dashboard, its method and factors (/api/admin/impact…). */
const impactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/impact',
    {
      schema: {
        tags,
        summary:
          'Impact et réciprocité d’un réseau sur une période : chiffres, mois, catégories, structures (JSON ou CSV)',
        description: whatCounts,
        security: signedIn,
        querystring: ImpactQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: {
          200: {
            description: 'Le tableau de bord (JSON), ou un tableau en CSV avec format=csv',
            content: {
              'application/json': { schema: ImpactReportSchema },
              'text/csv': { schema: Type.String() },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { format, table } = request.query;
      if (format === 'csv' && !table) {
        throw fieldError(
          'table',
          'Choisissez le tableau à exporter (totals, months, categories, reciprocity).',
          'required',
        );
      }
      const report = await getImpactReport(app.db, await request.requireActor(), request.query);
      if (format !== 'csv' || !table) return reply.type('application/json; charset=utf-8').send(report);
      const { filename, body } = impactCsv(report, table);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(body);
    },
  );

  app.get(
    '/admin/impact/method',
    {
      schema: {
        tags,
        summary: 'La méthode de calcul d’un réseau : taux de substitution et facteur d’émission de chaque catégorie',
        security: signedIn,
        querystring: ImpactMethodQuerySchema,
        response: { 200: ImpactMethodSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getImpactMethod(app.db, await request.requireActor(), request.query.networkId),
  );

  app.patch(
    '/admin/impact/method',
    {
      schema: {
        tags,
        summary: 'Changer le taux de substitution d’un réseau (inscrit au journal)',
        security: signedIn,
        body: MethodChangeSchema,
        response: { 200: ImpactMethodSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => changeSubstitutionRate(app.db, await request.requireActor(), request.body),
  );

  app.put(
    '/admin/impact/factors',
    {
      schema: {
        tags,
        summary: 'Créer ou remplacer le facteur d’émission d’une catégorie pour un réseau (inscrit au journal)',
        security: signedIn,
        body: FactorChangeSchema,
        response: { 200: ImpactFactorSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => saveImpactFactor(app.db, await request.requireActor(), request.body),
  );
};

export default impactRoutes;
