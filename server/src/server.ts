import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connectDatabase } from './db/client.ts';
import { demoAccountsToPrint } from './db/seed/demo-data.ts';
import { isEmpty, seedDemo, seedReferenceData } from './db/seed/seed.ts';
import { startWorker } from './worker.ts';
import { defaultRetryDelaysSeconds } from './notifications/delivery.ts';
import { mailboxTransport, smtpTransport } from './notifications/transports.ts';
import { diskPhotoStorage } from './photos/storage.ts';
import { mountSvelteKit } from './web/sveltekit.ts';
import { migrateDatabase } from './migrate.ts';

/** Starts Mutua: migrate, seed an empty database, serve the API and the app on one port. */
const config = loadConfig(process.env);
const connection = await connectDatabase(config.database);
const seededDemoData = await connection.exclusively(async () => {
  await migrateDatabase(connection);
  await seedReferenceData(connection.db);
  const seedDemoData = config.seed === 'demo' && (await isEmpty(connection.db));
  if (seedDemoData) await seedDemo(connection.db, config.demoPassword);
  return seedDemoData;
});

const app = await buildApp({
  db: connection.db,
  photoStorage: diskPhotoStorage(config.photosDir),
  jwtSecret: config.jwtSecret,
  sessionDays: config.sessionDays,
  secureCookies: config.publicUrl.startsWith('https://'),
  loginRateLimit: config.loginRateLimit,
  throttling: config.throttling,
  trustProxy: config.trustProxy,
  publicUrl: config.publicUrl,
  requestExpiryDays: config.requestExpiryDays,
  logger: { level: config.logLevel },
});
const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : mailboxTransport;
const worker = await startWorker(connection, {
  log: app.log,
  delivery: {
    db: connection.db,
    transport,
    publicUrl: config.publicUrl,
    mailFrom: config.mailFrom,
    secret: config.jwtSecret,
    retryDelaysSeconds: defaultRetryDelaysSeconds,
    retryForSeconds: 26 * 3600,
    leaseSeconds: 300,
  },
});
const appMounted = await mountSvelteKit(app, { publicUrl: config.publicUrl });

let closing = false;
async function close(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await worker.stop();
  transport.close();
  await app.close();
  await connection.close();
  process.exit(0);
}
process.on('SIGINT', () => void close('SIGINT'));
process.on('SIGTERM', () => void close('SIGTERM'));

await app.listen({ port: config.port, host: config.host });

const engine = connection.engine === 'pglite' ? `PGlite embarqué (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)';
console.log(`\nMutua est prête sur ${config.publicUrl} — base : ${engine}`);
if (!appMounted) console.log("  (application web non construite : seule l'API répond, sous /api)");
console.log(`  API : ${config.publicUrl}/api — documentation : ${config.publicUrl}/api/docs`);
console.log(
  config.smtpUrl
    ? `  E-mails : envoyés par ${new URL(config.smtpUrl).host} (SMTP_URL), expéditeur ${config.mailFrom.address}`
    : '  E-mails : gardés dans la boîte locale (/admin/emails), liens personnels compris : pour essayer Mutua. Pour un vrai réseau, réglez SMTP_URL.',
);
if (config.seed === 'demo') {
  console.log(seededDemoData ? '  Données de démonstration créées. Comptes :' : '  Comptes de démonstration :');
  for (const account of demoAccountsToPrint) {
    console.log(`    ${account.email} / ${config.demoPassword} — ${account.role}`);
  }
} else {
  console.log('  Sans données de démonstration (SEED=demo pour les créer dans une base vide).');
}
